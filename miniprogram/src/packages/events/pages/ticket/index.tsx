import { type EventDetailDto, formatShanghaiShort, type RegistrationDto } from '@alumni/shared';
import { Skeleton } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { ErrorState } from '../../../../components/error-state';
import { placeLine } from '../../calendar';
import { timeRange } from '../../event-view';
import { qrDataUri } from '../../qr-code';
import { secondsUntil, spacedShortCode } from '../../ticket-rotation';
import { useCheckInToken } from '../../use-check-in-token';
import { useEvent } from '../../use-event';
import './index.scss';

export default function TicketPage() {
  const { params } = useRouter();
  const { state, reload } = useEvent(params.eventId);
  if (state.status === 'loading') return <Skeleton className="ticket-skeleton" rows={8} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  return <Ticket event={state.event} registration={state.registration} onRotate={() => void reload(true)} />;
}

function Ticket({ event, registration, onRotate }: { event: EventDetailDto; registration: RegistrationDto | null; onRotate: () => void }) {
  return (
    <View className="ticket">
      <View className="ticket-card">
        <View className="ticket-card__event">
          <Text className="ticket-card__title">{event.title}</Text>
          <Text className="ticket-card__meta">{timeRange(event.startsAt, event.endsAt)}</Text>
          <Text className="ticket-card__meta">{placeLine(event) || event.city || '地点待定'}</Text>
        </View>
        <View className="ticket-card__tear" />
        {registration?.checkedInAt ? (
          <View className="ticket-checked-in">
            <Text className="ticket-checked-in__mark">✓</Text>
            <Text className="ticket-checked-in__title">已签到</Text>
            <Text className="ticket-checked-in__time">{formatShanghaiShort(registration.checkedInAt)}</Text>
          </View>
        ) : registration?.status === 'confirmed' ? (
          <RotatingCode registrationId={registration.id} onRotate={onRotate} />
        ) : (
          <Text className="ticket-unavailable">
            {registration?.status === 'waitlisted' ? '候补中，转为报名成功后会出现签到码' : '没有有效的报名，无法出示电子票'}
          </Text>
        )}
      </View>
    </View>
  );
}

function RotatingCode({ registrationId, onRotate }: { registrationId: string; onRotate: () => void }) {
  const token = useCheckInToken(registrationId, onRotate);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  const qr = useMemo(() => (token.status === 'ready' ? qrDataUri(token.token.token) : null), [token]);

  if (token.status === 'stopped') return <Text className="ticket-unavailable">{token.message}</Text>;
  if (token.status === 'loading' || !qr) return <Skeleton className="ticket-qr-skeleton" rows={6} animated />;
  return (
    <View className="ticket-code">
      <Image className="ticket-qr" src={qr} mode="aspectFit" />
      <Text className="ticket-short-code">{spacedShortCode(token.token.shortCode)}</Text>
      <Text className="ticket-code__hint">签到时出示此码，或报出上方 8 位签到码</Text>
      <Text className="ticket-code__refresh">{secondsUntil(token.nextAt, now)} 秒后自动更新 · 截图无效</Text>
    </View>
  );
}
