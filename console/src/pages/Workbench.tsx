// 工作台: who is signed in, with which roles, and what those roles allow.
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Descriptions, List, Space, Tag } from 'antd';
import { OPERATOR_ROLE_LABELS, PERMISSIONS } from '../../../functions/domain/operator-roles';
import type { OperatorView } from '@/api/types';

export function Workbench({ operator }: { operator: OperatorView }) {
  return (
    <PageContainer title="工作台" subTitle={`欢迎，${operator.displayName}`}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <ProCard title="当前登录">
          <Descriptions column={1}>
            <Descriptions.Item label="姓名">{operator.displayName}</Descriptions.Item>
            <Descriptions.Item label="用户名">{operator.login}</Descriptions.Item>
            <Descriptions.Item label="角色">
              {operator.roles.map((role) => (
                <Tag color="blue" key={role}>
                  {OPERATOR_ROLE_LABELS[role]}
                </Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
        </ProCard>
        <ProCard title="我的权限">
          <List
            size="small"
            dataSource={operator.permissions}
            renderItem={(permission) => <List.Item>{PERMISSIONS[permission]}</List.Item>}
          />
        </ProCard>
      </Space>
    </PageContainer>
  );
}
