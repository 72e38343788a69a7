import { PageContainer } from '@ant-design/pro-components';
import { Result } from 'antd';

/** A section of the console whose pages come with a later slice of issue 15. */
export function ComingSoon({ title }: { title: string }) {
  return (
    <PageContainer title={title}>
      <Result status="info" title="功能建设中" subTitle="该功能将在后续版本上线。" />
    </PageContainer>
  );
}
