// Opens a PDF the server sent (base64 in its JSON answer). In WeChat: saved to the mini-program's
// user data folder and opened with the system viewer (wx.openDocument), from which the customer
// can forward or save it. In H5: downloaded through a link to the file's bytes.
import Taro from '@tarojs/taro';

export interface PdfFile {
  fileName: string;
  pdfBase64: string;
}

export async function openPdf({ fileName, pdfBase64 }: PdfFile): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const bytes = Uint8Array.from(atob(pdfBase64), (character) => character.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
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
    Taro.getFileSystemManager().writeFile({ filePath, data: pdfBase64, encoding: 'base64', success: resolve, fail: reject });
  });
  await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true });
}

/** 23,456 bytes → "23 KB". */
export const fileSize = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
