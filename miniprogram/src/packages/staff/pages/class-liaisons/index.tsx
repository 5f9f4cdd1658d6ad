import type { LiaisonCandidateDto, StaffLiaisonClassDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { appointLiaison, endLiaison, listLiaisonCandidates, listStaffLiaisonClasses } from '../../../../api/liaisons';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import './index.scss';

/** `all`, or a graduation year. */
const load = async (year: string): Promise<{ classes: StaffLiaisonClassDto[] }> => ({
  classes: await listStaffLiaisonClasses(year === 'all' ? {} : { graduationYear: Number(year) }),
});

const YEAR_SPAN = 40;
const years = (): string[] => {
  const latest = new Date().getFullYear();
  return ['all', ...Array.from({ length: YEAR_SPAN }, (_, i) => String(latest - i))];
};

/**
 * Staff: classes with their coverage (verified ÷ roster entries) and liaisons, best first;
 * appointing a liaison from the class's verified alumni, ending an appointment.
 */
export default function StaffClassLiaisonsPage() {
  // `?year=2016` opens one 届 (a link from elsewhere, or a journey).
  const { params } = useRouter();
  const [year, setYear] = useState(params.year && /^\d{4}$/.test(params.year) ? params.year : 'all');
  const { state, reload, update } = useLoaded(year, load, '');
  const options = years();

  const replace = (next: StaffLiaisonClassDto) =>
    state.status === 'ready' && update({ classes: state.classes.map((c) => (c.classGroupId === next.classGroupId ? next : c)) });

  return (
    <View className="staff-liaisons">
      <Text className="sl-lead">班级联络人由本班已认证校友担任，可查看本班名册的联系状态（仅姓名和班级），邀请未联系上的同学认证。</Text>
      <Picker
        mode="selector"
        range={options.map((y) => (y === 'all' ? '全部届别' : `${y} 届`))}
        onChange={(e) => setYear(options[Number(e.detail.value)]!)}
      >
        <Text className="sl-year">{year === 'all' ? '全部届别' : `${year} 届`} ▾</Text>
      </Picker>
      {state.status === 'loading' ? (
        <Skeleton rows={8} animated />
      ) : state.status === 'failed' ? (
        <ErrorState message={state.message} onRetry={() => void reload()} />
      ) : state.classes.length === 0 ? (
        <EmptyState title="没有班级" description="导入带班级的毕业生名册后，这里列出各班级" />
      ) : (
        state.classes.map((c) => <ClassCard key={c.classGroupId} klass={c} onChanged={replace} />)
      )}
    </View>
  );
}

function ClassCard({ klass, onChanged }: { klass: StaffLiaisonClassDto; onChanged: (next: StaffLiaisonClassDto) => void }) {
  const [candidates, setCandidates] = useState<LiaisonCandidateDto[] | null>(null);
  const [busy, setBusy] = useState(false);

  const openCandidates = async () => {
    try {
      setCandidates(await listLiaisonCandidates(klass.classGroupId));
    } catch {
      // Shown by the request wrapper.
    }
  };
  const run = async (action: () => Promise<StaffLiaisonClassDto>, done: string) => {
    setBusy(true);
    try {
      onChanged(await action());
      setCandidates(null);
      void Taro.showToast({ title: done, icon: 'success' });
    } catch {
      // Shown by the request wrapper.
    } finally {
      setBusy(false);
    }
  };
  const end = async (alumnusId: string, name: string) => {
    const { confirm } = await Taro.showModal({
      title: '卸任联络人',
      content: `${name}将不再担任${klass.name}的联络人。`,
      confirmText: '卸任',
    });
    if (confirm) await run(() => endLiaison(klass.classGroupId, alumnusId), '已卸任');
  };

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
        <Text className="sl-liaisons__none">本班还没有已认证的校友</Text>
      ) : (
        <View className="sl-candidates">
          <Text className="sl-candidates__title">从本班已认证校友中任命：</Text>
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
                  onClick={() => void run(() => appointLiaison(klass.classGroupId, person.alumnusId), '已任命')}
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
