import { ComingSoon } from '../../components/coming-soon';

export default function GivingPage() {
  return <ComingSoon title="捐赠功能即将上线" description="植树、助学和奖学金项目，很快就能在这里支持" />;
}
