import type { LiaisonCandidateDto, StaffLiaisonClassDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { appointLiaison, endLiaison, type LiaisonScope, listLiaisonCandidates } from '../../api/liaisons';
import { useSingleFlight } from '../../components/use-single-flight';
import './liaison-class-card.scss';

/**
 * One class with its coverage and liaisons, appointing from the candidates and ending an
 * appointment: staff's 班级联络人 (scope null) and a branch admin's for the classes within the
 * branch (candidates are then the branch's members verified in the class).
 */
export function LiaisonClassCard({
  klass,
  scope,
  onChanged,
}: {
  klass: StaffLiaisonClassDto;
  scope: LiaisonScope;
  onChanged: (next: StaffLiaisonClassDto) => void;
}) {
  const [candidates, setCandidates] = useState<LiaisonCandidateDto[] | null>(null);
  const { busy, run, confirmThen } = useSingleFlight();

  const openCandidates = async () => {
    try {
      setCandidates(await listLiaisonCandidates(klass.classGroupId, scope));
    } catch {
      // Shown by the request wrapper.
    }
  };
  const change = async (action: () => Promise<StaffLiaisonClassDto>, done: string) => {
    try {
      onChanged(await action());
      setCandidates(null);
      void Taro.showToast({ title: done, icon: 'success' });
    } catch {
      // Shown by the request wrapper.
    }
  };
  const appoint = (alumnusId: string) => run(() => change(() => appointLiaison(klass.classGroupId, alumnusId, scope), '已任命'));
  const end = (alumnusId: string, name: string) =>
    confirmThen({ title: '卸任联络人', content: `${name}将不再担任${klass.name}的联络人。`, confirmText: '卸任' }, () =>
      change(() => endLiaison(klass.classGroupId, alumnusId, scope), '已卸任'),
    );

  return (
    <View className="sl-class">
      <View className="sl-class__head">
        <Text className="sl-class__name">{klass.name}</Text>
        <Text className="sl-class__percent">{klass.percent}%</Text>
      </View>
      <Text className="sl-class__meta">
        {klass.department.name} · 名册 {klass.graduates} 人 · 已认证 {klass.reached} 人{klass.rank ? ` · 第 ${klass.rank} 名` : ''}
      </Text>
      <View className="sl-liaisons">
        {klass.liaisons.length === 0 ? <Text className="sl-liaisons__none">尚无联络人</Text> : null}
        {klass.liaisons.map((l) => (
          <View key={l.alumnusId} className="sl-liaison">
            <Text className="sl-liaison__name">联络人：{l.name}</Text>
            <Text className="sl-liaison__end" onClick={() => void end(l.alumnusId, l.name)}>
              卸任
            </Text>
          </View>
        ))}
      </View>
      {candidates === null ? (
        <Button
          className="sl-class__appoint"
          size="small"
          type="primary"
          fill="outline"
          shape="round"
          onClick={() => void openCandidates()}
        >
          任命联络人
        </Button>
      ) : candidates.length === 0 ? (
        <Text className="sl-liaisons__none">{scope ? '本分会成员中还没有本班已认证的校友' : '本班还没有已认证的校友'}</Text>
      ) : (
        <View className="sl-candidates">
          <Text className="sl-candidates__title">{scope ? '从本分会成员中本班已认证的校友任命：' : '从本班已认证校友中任命：'}</Text>
          {candidates.map((person) => (
            <View key={person.alumnusId} className="sl-candidate">
              <Text className="sl-candidate__name">{person.name}</Text>
              {person.isLiaison ? (
                <Text className="sl-candidate__done">已是联络人</Text>
              ) : (
                <Button
                  className="sl-candidate__appoint"
                  size="small"
                  type="primary"
                  shape="round"
                  loading={busy}
                  onClick={() => void appoint(person.alumnusId)}
                >
                  任命
                </Button>
              )}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
