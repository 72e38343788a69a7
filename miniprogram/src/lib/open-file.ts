// Opens a file the server sent (base64 in its JSON answer): a statement, a certificate, the copy
// of one's personal data. In WeChat: saved to the mini-program's user data folder, then a PDF is
// opened with the system viewer (wx.openDocument), from which the customer can forward or save it,
// and any other file (JSON, which no viewer opens) is sent to a chat the customer picks — 文件传输助手
// for themselves (wx.shareFileMessage). In H5: downloaded through a link to the file's bytes.
import Taro from '@tarojs/taro';

export interface ServerFile {
  fileName: string;
  contentType: 'application/pdf' | 'application/json';
  base64: string;
}

export async function openFile({ fileName, contentType, base64 }: ServerFile): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // The download has its own copy by then.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return;
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  await new Promise((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({ filePath, data: base64, encoding: 'base64', success: resolve, fail: reject });
  });
  if (contentType === 'application/pdf') await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true });
  else await Taro.shareFileMessage({ filePath, fileName });
}

/** 23,456 bytes → "23 KB". */
export const fileSize = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
