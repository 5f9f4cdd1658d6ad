import { CONTACT_REQUEST_STATUS_LABELS, type ContactRequestDto, type MyContactRequestsDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { acceptContactRequest, blockContactRequest, listMyContactRequests, refuseContactRequest } from '../../../../api/contacts';
import { ApiError } from '../../../../api/request';
import { loadSession } from '../../../../api/session';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { AlumnusAvatar } from '../../alumnus-item';
import { ContactForm, SharedContact } from '../../contact-parts';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

type Side = 'received' | 'sent';
type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; lists: MyContactRequestsDto };

const nameOf = (r: ContactRequestDto) => r.other.realName ?? r.other.displayName;

/** 联系请求: requests classmates sent me (accept, refuse, block) and the ones I sent, with what was shared. */
export default function ContactsPage() {
  const [side, setSide] = useState<Side>('received');
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = async () => {
    try {
      setState({ status: 'ready', lists: await listMyContactRequests() });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof ApiError ? error.message : '网络异常，请稍后重试' });
    }
  };

  useEffect(() => {
    void load();
  }, []);
  // Back from a classmate's card, or pulled down: what changed meanwhile.
  useReloadOnReturn(load);

  const waiting = state.status === 'ready' ? state.lists.received.filter((r) => r.status === 'pending').length : 0;
  return (
    <View className="contacts">
      <View className="contacts-tabs">
        {(['received', 'sent'] as const).map((s) => (
          <View key={s} className={s === side ? 'contacts-tab contacts-tab--active' : 'contacts-tab'} onClick={() => setSide(s)}>
            <Text>{s === 'received' ? `收到的${waiting > 0 ? `（${waiting}）` : ''}` : '发出的'}</Text>
          </View>
        ))}
      </View>
      {state.status === 'loading' ? <Skeleton className="contacts-skeleton" rows={4} animated /> : null}
      {state.status === 'failed' ? <ErrorState message={state.message} onRetry={() => void load()} /> : null}
      {state.status === 'ready' ? (
        state.lists[side].length === 0 ? (
          <EmptyState
            title={side === 'received' ? '还没有校友向你发出联系请求' : '你还没有发出联系请求'}
            description="在校友录中打开同学的名片，点“联系TA”即可发出请求"
          />
        ) : (
          <View className="contacts-list">
            {state.lists[side].map((r) => (
              <ContactItem key={r.id} request={r} onChanged={() => void load()} />
            ))}
          </View>
        )
      ) : null}
    </View>
  );
}

function ContactItem({ request: r, onChanged }: { request: ContactRequestDto; onChanged: () => void }) {
  const [accepting, setAccepting] = useState(false);
  const { busy, run, confirmThen } = useSingleFlight();
  const name = nameOf(r);
  const school = [r.other.graduationYear === null ? null : `${r.other.graduationYear} 届`, r.other.department?.name]
    .filter(Boolean)
    .join(' · ');
  const decidable = r.direction === 'received' && r.status === 'pending';

  const decide = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void Taro.showToast({ title: done, icon: 'success' });
      onChanged();
    } catch {
      // The request wrapper showed why.
    }
  };

  const refuse = () => run(() => decide(() => refuseContactRequest(r.id), '已婉拒'));

  const block = () =>
    confirmThen(
      {
        title: `屏蔽 ${name}`,
        content: '屏蔽后，对方无法再向你发送联系请求（对方只会看到“未接受”）。',
        confirmText: '屏蔽',
      },
      () => decide(() => blockContactRequest(r.id), '已屏蔽'),
    );

  return (
    <View className={`contact-item contact-item--${r.status}`}>
      <View className="contact-item__head">
        <AlumnusAvatar alumnus={r.other} />
        <View className="contact-item__who">
          <Text className="contact-item__name">{name}</Text>
          {school ? <Text className="contact-item__school">{school}</Text> : null}
        </View>
        <Text className={`contact-item__status contact-item__status--${r.status}`}>{CONTACT_REQUEST_STATUS_LABELS[r.status]}</Text>
      </View>
      {r.note ? <Text className="contact-item__note">{r.direction === 'received' ? `附言：${r.note}` : `我的附言：${r.note}`}</Text> : null}
      {r.theirContact ? <SharedContact contact={r.theirContact} title={`${name} 分享给你的联系方式`} /> : null}
      {r.direction === 'sent' && r.status === 'pending' ? <Text className="contact-item__hint">等待对方回应</Text> : null}
      {decidable && accepting ? (
        <ContactForm
          phoneBound={loadSession()?.alumnus.phoneMasked != null}
          withNote={false}
          intro={`接受后，${name} 能看到你下面勾选的联系方式，你也能看到对方分享的。`}
          sendLabel="接受并分享"
          onCancel={() => setAccepting(false)}
          onSend={async (share) => {
            await acceptContactRequest(r.id, share);
            void Taro.showToast({ title: '已接受', icon: 'success' });
            onChanged();
          }}
        />
      ) : null}
      {decidable && !accepting ? (
        <View className="contact-item__actions">
          <Text className="contact-item__block" onClick={() => void block()}>
            屏蔽
          </Text>
          <Button
            className="contact-item__refuse"
            type="primary"
            fill="outline"
            shape="round"
            size="small"
            disabled={busy}
            onClick={() => void refuse()}
          >
            婉拒
          </Button>
          <Button
            className="contact-item__accept"
            type="primary"
            shape="round"
            size="small"
            disabled={busy}
            onClick={() => setAccepting(true)}
          >
            接受
          </Button>
        </View>
      ) : null}
    </View>
  );
}
