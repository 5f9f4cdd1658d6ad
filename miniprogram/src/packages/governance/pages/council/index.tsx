import { COUNCIL_SOURCE_LABELS, type CouncilDto, type CouncilMemberDto } from '@alumni/shared';
import { Skeleton } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import { getCouncil } from '../../../../api/governance';
import { mediaUrl } from '../../../../api/media';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import { Card, Tag } from '../../ui';
import './index.scss';

const load = async (): Promise<{ council: CouncilDto }> => ({ council: await getCouncil() });

/** The alumni council in public: members now in office by title, with their terms; past members below. */
export default function CouncilPage() {
  // No id in the address: there is one council; the hook's id only names what loads.
  const { state, reload } = useLoaded('council', load, '');

  if (state.status === 'loading') return <Skeleton rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { current, past } = state.council;
  return (
    <View className="council">
      <Text className="council__lead">校友理事会由校友选举或校友会聘任的理事组成，参与校友会重大事项的讨论与决策。</Text>
      {current.length === 0 ? <EmptyState title="理事会成员尚未公布" /> : null}
      {current.length > 0 ? (
        <Card title="本届成员" className="council-current">
          {current.map((member) => (
            <Member key={member.id} member={member} />
          ))}
        </Card>
      ) : null}
      {past.length > 0 ? (
        <Card title="往届成员" className="council-past">
          {past.map((member) => (
            <Member key={member.id} member={member} />
          ))}
        </Card>
      ) : null}
    </View>
  );
}

function Member({ member }: { member: CouncilMemberDto }) {
  return (
    <View className="council-member">
      {member.avatarUrl ? (
        <Image className="council-member__avatar" src={mediaUrl(member.avatarUrl)} mode="aspectFill" />
      ) : (
        <View className="council-member__avatar council-member__avatar--blank">
          <Text>{[...member.name][0] ?? ''}</Text>
        </View>
      )}
      <View className="council-member__body">
        <View>
          <Text className="council-member__name">{member.name}</Text>
          <Tag tone="brand">{member.title}</Tag>
          <Tag>{COUNCIL_SOURCE_LABELS[member.source]}</Tag>
        </View>
        <Text className="gv-muted">
          {[member.graduationYear ? `${member.graduationYear} 届` : null, member.department].filter(Boolean).join(' · ')}
        </Text>
        <Text className="gv-muted">
          任期 {member.termStartsOn} 至 {member.endedOn ?? member.termEndsOn}
          {member.voteTitle ? ` · ${member.voteTitle}` : ''}
        </Text>
        {member.intro ? <Text className="council-member__intro">{member.intro}</Text> : null}
      </View>
    </View>
  );
}
