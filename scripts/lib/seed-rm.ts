// Demo relationship managers, safe to run any number of times: a branch lead and a manager of
// 海淀支行, each already bound to a simulated WeChat user, so signing in as `demo-rm` (or
// `demo-lead`) and tapping 客户经理入口 opens the managers' area at once.
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { simulatorWechat } from '../../functions/adapters/simulators/wechat.js';
import { config } from '../../functions/config.js';
import type { StaffRole } from '../../functions/domain/rm/staff.js';
import { db } from '../../functions/store/client.js';
import { keys } from '../../functions/store/keys.js';
import { bindWechat, insertStaff, newBindingCode, newStaffId, staffDirectoryItem } from '../../functions/store/staff.js';

export const DEMO_STAFF: { simulatorUser: string; name: string; staffNo: string; role: StaffRole; workPhone: string }[] = [
  { simulatorUser: 'demo-lead', name: '陈刚', staffNo: 'HD0001', role: 'BRANCH_LEAD', workPhone: '010-62551234' },
  { simulatorUser: 'demo-rm', name: '王芳', staffNo: 'HD0002', role: 'RELATIONSHIP_MANAGER', workPhone: '13800138002' },
];

export async function seedRelationshipManagers(now: Date): Promise<void> {
  const { doc, tableName } = db();
  for (const demo of DEMO_STAFF) {
    const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.staffNo(demo.staffNo), ConsistentRead: true }));
    if (Item) {
      // Seeded before 客户经理管理 listed staff: its directory entry (a repeat rewrites the same);
      // seeded before work phones were recorded: its work phone.
      await doc.send(new PutCommand({ TableName: tableName, Item: staffDirectoryItem({ staffId: String(Item.staffId), staffNo: demo.staffNo }) }));
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.staff(String(Item.staffId)),
          UpdateExpression: 'SET workPhone = if_not_exists(workPhone, :phone)',
          ExpressionAttributeValues: { ':phone': demo.workPhone },
        }),
      );
      continue;
    }
    const code = newBindingCode(now);
    await insertStaff({ staffId: newStaffId(), name: demo.name, staffNo: demo.staffNo, branchId: 'BJ-HAIDIAN', branchName: '北京海淀支行', role: demo.role, workPhone: demo.workPhone }, code, now);
    const session = await simulatorWechat(config().WECHAT_APPID).code2Session(`sim-login.${demo.simulatorUser}`);
    await bindWechat(code.bindingCode, session!.openid, now);
  }
}
