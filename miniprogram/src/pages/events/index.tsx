import { ComingSoon } from '../../components/coming-soon';

export default function EventsPage() {
  return <ComingSoon title="活动功能即将上线" description="返校日、讲座和校友沙龙的报名与签到，很快就能在这里完成" />;
}
