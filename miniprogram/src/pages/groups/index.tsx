import { ComingSoon } from '../../components/coming-soon';

export default function GroupsPage() {
  return <ComingSoon title="群组功能即将上线" description="班级、同城、行业和兴趣群组，很快就能在这里加入" />;
}
