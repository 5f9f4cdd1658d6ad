import { ComingSoon } from '../../../../components/coming-soon';

export default function StaffHomePage() {
  return <ComingSoon title="工作台" description="发布活动与捐赠、核验校友、签到和导出名单等工作人员工具将在这里陆续上线" />;
}
