import type { StaffLiaisonClassDto } from '@alumni/shared';
import { Skeleton } from '@nutui/nutui-react-taro';
import { Picker, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { listStaffLiaisonClasses } from '../../../../api/liaisons';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import { LiaisonClassCard } from '../../../reach/liaison-class-card';
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
        state.classes.map((c) => <LiaisonClassCard key={c.classGroupId} klass={c} scope={null} onChanged={replace} />)
      )}
    </View>
  );
}
