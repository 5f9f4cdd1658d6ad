import { type AlumnusCardDto, COUNCIL_SOURCE_LABELS, COUNCIL_TITLES, type CouncilMemberDto, GOVERNANCE_LIMITS } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { searchDirectory } from '../../../../api/directory';
import { addCouncilMember, endCouncilMember, listCouncilMembers } from '../../../../api/governance';
import { ErrorState } from '../../../../components/error-state';
import { BoundInput, bindForm } from '../../../../components/form-field';
import { useLoaded } from '../../../../components/use-loaded';
import { defaultTerm } from '../../council-term';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const load = async (): Promise<{ members: CouncilMemberDto[] }> => ({ members: await listCouncilMembers() });

/** Staff: the council's members, appointing one (elected members are seated from their election), ending a membership. */
export default function StaffCouncilPage() {
  const { state, reload, update } = useLoaded('council', load, '');
  // One dialog at a time: a second tap on 结束任职 while one is up asks nothing and ends nothing again.
  const { confirmThen } = useSingleFlight();
  if (state.status === 'loading') return <Skeleton rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { members } = state;
  const replace = (member: CouncilMemberDto) =>
    update({
      members: members.some((m) => m.id === member.id) ? members.map((m) => (m.id === member.id ? member : m)) : [member, ...members],
    });

  const end = (member: CouncilMemberDto) =>
    confirmThen({ title: '结束任职', content: `${member.name}的${member.title}任职将于今日结束。`, confirmText: '结束' }, async () => {
      try {
        replace(await endCouncilMember(member.id, null));
      } catch {
        // Shown by the request wrapper.
      }
    });

  return (
    <View className="staff-council">
      <Appoint onAdded={replace} />
      <Text className="sc-lead">理事会成员（{members.filter((m) => m.current).length} 位在任）</Text>
      {members.map((member) => (
        <View key={member.id} className={`sc-member ${member.current ? '' : 'sc-member--past'}`}>
          <View className="sc-member__body">
            <Text className="sc-member__name">
              {member.name} · {member.title}
            </Text>
            <Text className="sc-member__meta">
              {COUNCIL_SOURCE_LABELS[member.source]}
              {member.voteTitle ? `（${member.voteTitle}）` : ''} · {member.termStartsOn} 至 {member.endedOn ?? member.termEndsOn}
              {member.current ? '' : ' · 已卸任'}
            </Text>
          </View>
          {member.current ? (
            <Text className="sc-member__end" onClick={() => void end(member)}>
              结束任职
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}

/** Appointing a verified alumnus found by name, with a title and a term (five years from today unless changed). */
function Appoint({ onAdded }: { onAdded: (member: CouncilMemberDto) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<AlumnusCardDto[]>([]);
  const [picked, setPicked] = useState<AlumnusCardDto | null>(null);
  // The title and the term's dates (typed as 2026-12-20: days, not times, so no DateTimeField).
  const [draft, setDraft] = useState(() => ({ title: '理事', ...defaultTerm(5) }));
  const { title, ...term } = draft;
  const { busy, run } = useSingleFlight();

  const search = (value: string) => {
    setQ(value);
    if (value.trim() === '') return setFound([]);
    searchDirectory({ q: value.trim(), limit: 6 }).then(
      (page) => setFound(page.items.filter((a) => a.verified)),
      () => setFound([]),
    );
  };
  const add = async () => {
    if (!picked) return;
    await run(async () => {
      try {
        onAdded(await addCouncilMember({ alumnusId: picked.id, title: title.trim(), source: 'appointed', ...term }));
        setPicked(null);
        setQ('');
        setFound([]);
        void Taro.showToast({ title: '已聘任', icon: 'success' });
      } catch {
        // Shown by the request wrapper.
      }
    });
  };

  const form = bindForm(draft, setDraft, undefined, () => void add());

  return (
    <View className="sc-appoint">
      <Text className="sc-appoint__title">聘任理事</Text>
      {picked ? (
        <Text className="sc-appoint__picked">
          {picked.realName ?? picked.displayName}
          {picked.graduationYear ? ` · ${picked.graduationYear} 届` : ''}
        </Text>
      ) : (
        <>
          <Input className="sc-input sc-search" value={q} placeholder="搜索已认证校友姓名" onInput={(e) => search(e.detail.value)} />
          <View className="sc-found">
            {found.map((a) => (
              <Text key={a.id} className="sc-found__item" onClick={() => setPicked(a)}>
                {a.realName ?? a.displayName}
                {a.graduationYear ? ` ${a.graduationYear} 届` : ''}
              </Text>
            ))}
          </View>
        </>
      )}
      <View className="sc-titles">
        {COUNCIL_TITLES.map((t) => (
          <Text key={t} className={`sc-title ${t === title ? 'sc-title--on' : ''}`} onClick={() => form.set('title', t)}>
            {t}
          </Text>
        ))}
      </View>
      <BoundInput form={form} name="title" className="sc-input sc-title-input" maxlength={GOVERNANCE_LIMITS.councilTitle} />
      <View className="sc-term">
        <BoundInput form={form} name="termStartsOn" className="sc-input sc-term-starts" />
        <Text>至</Text>
        <BoundInput form={form} name="termEndsOn" className="sc-input sc-term-ends" />
      </View>
      <Button className="sc-appoint__go" type="primary" shape="round" block disabled={!picked} loading={busy} onClick={() => void add()}>
        聘任
      </Button>
    </View>
  );
}
