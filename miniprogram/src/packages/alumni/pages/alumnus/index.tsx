import { type AlumnusCardDto, DEGREE_LABELS } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { getAlumnus } from '../../../../api/profile';
import { ApiError } from '../../../../api/request';
import { loadSession } from '../../../../api/session';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { alumnusTimelineUrl } from '../../../staff/pages/dashboard/urls';
import { AlumnusAvatar } from '../../alumnus-item';
import { ContactSection } from '../../contact-section';
import './index.scss';

type CardState = { status: 'loading' } | { status: 'failed'; code: string; message: string } | { status: 'ready'; alumnus: AlumnusCardDto };

/** What the card lists, in order; a field the alumnus keeps hidden reads 未公开. */
const ROWS: { label: string; value: (a: AlumnusCardDto) => string | null }[] = [
  { label: '毕业年份', value: (a) => (a.graduationYear === null ? null : `${a.graduationYear} 届`) },
  { label: '院系', value: (a) => a.department?.name ?? null },
  { label: '专业', value: (a) => a.major },
  { label: '班级', value: (a) => a.className },
  { label: '学历', value: (a) => (a.degree ? DEGREE_LABELS[a.degree] : null) },
  { label: '所在城市', value: (a) => a.city },
  { label: '行业', value: (a) => a.industry },
  { label: '工作单位', value: (a) => a.employer },
  { label: '职务', value: (a) => a.jobTitle },
  { label: '手机号', value: (a) => a.phoneMasked },
];

export default function AlumnusPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [state, setState] = useState<CardState>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', alumnus: await getAlumnus(id) });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      setState({ status: 'failed', code: apiError?.code ?? 'NETWORK_ERROR', message: apiError?.message ?? '网络异常，请稍后重试' });
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading') return <Skeleton className="alumnus-skeleton" rows={6} animated />;
  if (state.status === 'failed') {
    if (state.code === 'ALUMNUS_NOT_FOUND') return <EmptyState title="该校友不存在或已注销" />;
    if (state.code === 'DIRECTORY_VERIFICATION_REQUIRED') return <EmptyState title="完成校友认证后才能查看校友名片" />;
    return <ErrorState message={state.message} onRetry={() => void load()} />;
  }
  const { alumnus } = state;
  const session = loadSession();
  const roles = session?.alumnus.roles ?? [];
  const name = alumnus.realName ?? alumnus.displayName;
  const isStaff = roles.includes('staff') || roles.includes('admin');
  return (
    <View className="alumnus">
      <View className="alumnus-card">
        <AlumnusAvatar alumnus={alumnus} size="large" />
        <Text className="alumnus-card__name">{name}</Text>
        {alumnus.realName && alumnus.realName !== alumnus.displayName ? (
          <Text className="alumnus-card__nickname">昵称：{alumnus.displayName}</Text>
        ) : null}
        {alumnus.verified ? <Text className="alumnus-card__badge">已认证校友</Text> : null}
        {alumnus.bio ? <Text className="alumnus-card__bio">{alumnus.bio}</Text> : null}
      </View>
      <View className="alumnus-fields">
        {ROWS.map(({ label, value }) => {
          const shown = value(alumnus);
          return (
            <View key={label} className="alumnus-field">
              <Text className="alumnus-field__label">{label}</Text>
              <Text className={shown === null ? 'alumnus-field__value alumnus-field__value--hidden' : 'alumnus-field__value'}>
                {shown ?? '未公开'}
              </Text>
            </View>
          );
        })}
      </View>
      {session && alumnus.verified && session.alumnus.id !== alumnus.id ? <ContactSection alumnusId={alumnus.id} name={name} /> : null}
      {isStaff ? (
        <Button
          className="alumnus-staff-timeline"
          type="primary"
          fill="outline"
          shape="round"
          block
          onClick={() => void Taro.navigateTo({ url: alumnusTimelineUrl(alumnus.id, name) })}
        >
          互动记录与活跃度（工作人员）
        </Button>
      ) : null}
    </View>
  );
}
