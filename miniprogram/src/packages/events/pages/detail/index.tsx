import { EVENT_KIND_LABELS, EVENT_STATUS_LABELS, type EventDetailDto, formatShanghaiShort, type RegistrationDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Image, RichText, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ReactNode } from 'react';
import { cancelMyRegistration } from '../../../../api/events';
import { saveInBrowser, textFileUrl } from '../../../../api/events-files';
import { ErrorState } from '../../../../components/error-state';
import { TICKET_URL } from '../../../../components/event-ticket-card';
import { useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { eventIcs, phoneCalendarEntry } from '../../calendar';
import { audienceNote, isActive, seatsLine, signupState, timeRange } from '../../event-view';
import { useEvent } from '../../use-event';
import './index.scss';
import { mediaInHtml, mediaUrl } from '../../../../api/media';
import { explainRefusal } from '../../../../components/permission-refusal';
import { useSingleFlight } from '../../../../components/use-single-flight';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const SIGN_UP_URL = '/packages/events/pages/sign-up/index';
const SIGN_IN_URL = '/packages/account/pages/sign-in/index';

export default function EventDetailPage() {
  const { params } = useRouter();
  const { state, reload, setRegistration } = useEvent(params.id);

  // Back from the sign-up form or the ticket: the registration may have changed.
  useReloadOnReturn(reload);

  if (state.status === 'loading') return <Skeleton className="event-detail-skeleton" rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { event, registration, signedIn } = state;
  return (
    <View className="event-detail">
      <Cover event={event} />
      <View className="event-detail__head">
        <View className="event-detail__chips">
          <Text className="event-detail__kind">{EVENT_KIND_LABELS[event.kind]}</Text>
          {event.status !== 'published' ? <Text className="event-detail__status">{EVENT_STATUS_LABELS[event.status]}</Text> : null}
        </View>
        <Text className="event-detail__title">{event.title}</Text>
      </View>

      <View className="event-detail__card">
        <InfoRow label="时间" action={Date.parse(event.endsAt) > Date.now() ? <CalendarLink event={event} /> : null}>
          <Text>{timeRange(event.startsAt, event.endsAt)}</Text>
        </InfoRow>
        {event.online ? <OnlineRow event={event} /> : <PlaceRow event={event} />}
        <InfoRow label="名额">
          <Text className="event-detail__seats">{seatsLine(event)}</Text>
        </InfoRow>
        <InfoRow label="报名">
          <Text>{signupWindow(event)}</Text>
        </InfoRow>
        {audienceNote(event) ? (
          <InfoRow label="范围">
            <Text className="event-detail__audience">{audienceNote(event)}</Text>
          </InfoRow>
        ) : null}
        {event.contactName || event.contactPhone ? <ContactRow event={event} /> : null}
      </View>

      {event.kind === 'campus_day' ? (
        <View
          className="event-detail__card event-detail__campus-day"
          onClick={() => void Taro.navigateTo({ url: `/packages/campus-days/pages/day/index?eventId=${event.id}` })}
        >
          <Text className="event-detail__section">返校集章</Text>
          <Text className="event-detail__audience">在校园各打卡点扫码集章，集齐领取返校纪念；看看今天有哪些班级回来了。</Text>
        </View>
      ) : null}

      {event.description ? (
        <View className="event-detail__card event-detail__description">
          <Text className="event-detail__section">活动介绍</Text>
          <RichText className="event-detail__rich" nodes={mediaInHtml(event.description)} />
        </View>
      ) : null}

      <ActionBar
        event={event}
        registration={registration}
        signedIn={signedIn}
        onCancelled={(r) => {
          setRegistration(r);
          void reload(true);
        }}
      />
    </View>
  );
}

function signupWindow(event: EventDetailDto): string {
  const closes = `${formatShanghaiShort(event.signupClosesAt ?? event.startsAt)} 截止`;
  return event.signupOpensAt ? `${formatShanghaiShort(event.signupOpensAt)} 开始，${closes}` : closes;
}

function Cover({ event }: { event: EventDetailDto }) {
  if (event.coverUrl) return <Image className="event-detail__cover" src={mediaUrl(event.coverUrl)} mode="aspectFill" />;
  return (
    <View className="event-detail__cover event-detail__cover--plain">
      <Text className="event-detail__cover-kind">{EVENT_KIND_LABELS[event.kind]}</Text>
    </View>
  );
}

function InfoRow({ label, action, children }: { label: string; action?: ReactNode; children: ReactNode }) {
  return (
    <View className="event-info">
      <Text className="event-info__label">{label}</Text>
      <View className="event-info__value">{children}</View>
      {action ? <View className="event-info__action">{action}</View> : null}
    </View>
  );
}

function PlaceRow({ event }: { event: EventDetailDto }) {
  const { latitude, longitude } = event;
  const openMap = () => {
    if (latitude === null || longitude === null) return;
    if (IS_WEAPP) {
      void Taro.openLocation({ latitude, longitude, name: event.venue ?? '', address: event.address ?? '', scale: 16 });
    } else {
      // The browser has no map of its own: AMap's marker page takes the same (GCJ-02) coordinates.
      const name = encodeURIComponent(event.venue ?? event.title);
      window.open(`https://uri.amap.com/marker?position=${longitude},${latitude}&name=${name}`, '_blank', 'noopener');
    }
  };
  return (
    <InfoRow
      label="地点"
      action={
        latitude !== null && longitude !== null ? (
          <Text className="event-detail__link event-detail__map" onClick={openMap}>
            导航
          </Text>
        ) : null
      }
    >
      <Text className="event-detail__venue">{[event.city, event.venue].filter(Boolean).join(' · ') || '地点待定'}</Text>
      {event.address ? <Text className="event-detail__address">{event.address}</Text> : null}
    </InfoRow>
  );
}

function OnlineRow({ event }: { event: EventDetailDto }) {
  const copy = () => {
    if (event.onlineUrl) void Taro.setClipboardData({ data: event.onlineUrl });
  };
  return (
    <InfoRow
      label="线上"
      action={
        event.onlineUrl ? (
          <Text className="event-detail__link event-detail__copy-link" onClick={copy}>
            复制链接
          </Text>
        ) : null
      }
    >
      <Text className="event-detail__online-url">{event.onlineUrl ?? '参会链接将在活动前公布'}</Text>
    </InfoRow>
  );
}

function ContactRow({ event }: { event: EventDetailDto }) {
  const phone = event.contactPhone;
  return (
    <InfoRow
      label="联系人"
      action={
        phone ? (
          <Text className="event-detail__link" onClick={() => void Taro.makePhoneCall({ phoneNumber: phone })}>
            拨打
          </Text>
        ) : null
      }
    >
      <Text>{[event.contactName, phone].filter(Boolean).join(' ')}</Text>
    </InfoRow>
  );
}

/**
 * WeChat writes the event into the phone's calendar. The browser cannot, so there the same
 * entry is offered as an .ics file, which phone and desktop calendars import.
 */
function CalendarLink({ event }: { event: EventDetailDto }) {
  const add = () => {
    if (IS_WEAPP) {
      Taro.addPhoneCalendar(phoneCalendarEntry(event)).then(
        () => void Taro.showToast({ title: '已添加到日历', icon: 'success' }),
        (error: unknown) => void explainRefusal(error, 'calendar', '添加到手机日历'),
      );
    } else {
      saveInBrowser(textFileUrl(eventIcs(event), 'text/calendar;charset=utf-8'), `${event.title}.ics`);
    }
  };
  return (
    <Text className="event-detail__link event-detail__calendar" onClick={add}>
      {IS_WEAPP ? '添加到手机日历' : '下载日历文件'}
    </Text>
  );
}

function ActionBar({
  event,
  registration,
  signedIn,
  onCancelled,
}: {
  event: EventDetailDto;
  registration: RegistrationDto | null;
  signedIn: boolean;
  onCancelled: (registration: RegistrationDto) => void;
}) {
  const { busy, confirmThen } = useSingleFlight();
  const signup = signupState(event);

  const cancel = (active: RegistrationDto) => {
    const waitlisted = active.status === 'waitlisted';
    return confirmThen(
      {
        title: waitlisted ? '取消候补' : '取消报名',
        content: waitlisted ? '取消后将退出候补队列。' : '取消后名额会让给候补的校友，再报名需重新排队。',
        confirmText: '确定取消',
        cancelText: '再想想',
      },
      async () => {
        try {
          onCancelled(await cancelMyRegistration(event.id));
          void Taro.showToast({ title: '已取消', icon: 'success' });
        } catch {
          // The request wrapper showed why.
        }
      },
    );
  };

  let note: string | null = null;
  let buttons: ReactNode;
  if (isActive(registration) && signup.kind !== 'cancelled') {
    const confirmed = registration.status === 'confirmed';
    const ended = signup.kind === 'ended';
    note = registration.checkedInAt
      ? `已于 ${formatShanghaiShort(registration.checkedInAt)} 签到`
      : confirmed
        ? '报名成功，活动当天请出示电子票签到'
        : '候补中：有名额空出时会按顺序自动转为报名成功，并通知你';
    buttons = (
      <>
        {!ended && !registration.checkedInAt ? (
          <Button className="event-action event-cancel" shape="round" loading={busy} onClick={() => void cancel(registration)}>
            {confirmed ? '取消报名' : '取消候补'}
          </Button>
        ) : null}
        {confirmed && !ended && !registration.checkedInAt ? (
          <Button
            className="event-action event-ticket-button"
            type="primary"
            shape="round"
            onClick={() => void Taro.navigateTo({ url: `${TICKET_URL}?id=${registration.id}&eventId=${event.id}` })}
          >
            查看电子票
          </Button>
        ) : null}
      </>
    );
  } else {
    const reason = {
      cancelled: '活动已取消',
      ended: '活动已结束',
      not_started: signup.kind === 'not_started' ? `${formatShanghaiShort(signup.opensAt)} 开始报名` : '',
      closed: '报名已截止',
      full: '名额已满',
      open: '',
    }[signup.kind];
    const open = signup.kind === 'open';
    const go = () => void Taro.navigateTo({ url: signedIn ? `${SIGN_UP_URL}?id=${event.id}` : SIGN_IN_URL });
    buttons = (
      <Button className="event-action event-signup" type="primary" shape="round" disabled={!open} onClick={go}>
        {!open ? reason : !signedIn ? '登录后报名' : signup.waitlist ? '报名候补' : '立即报名'}
      </Button>
    );
  }

  return (
    <View className="event-actionbar">
      {note ? <Text className="event-actionbar__note">{note}</Text> : null}
      <View className="event-actionbar__buttons">{buttons}</View>
    </View>
  );
}
