import { type ContactStandingDto, ERRORS, type ErrorCode } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { getContactStanding, sendContactRequest } from '../../api/contacts';
import { ContactForm, SharedContact } from './contact-parts';
import { CONTACTS_PAGE } from './urls';
import './contact-section.scss';

const message = (code: string | null) => (code && code in ERRORS ? ERRORS[code as ErrorCode].message : '暂时不能发送联系请求');

/**
 * 联系TA on a classmate's card: ask to exchange contact details (a note and what I share),
 * see that the request waits, or — once accepted — what they shared with me.
 */
export function ContactSection({ alumnusId, name }: { alumnusId: string; name: string }) {
  const [standing, setStanding] = useState<ContactStandingDto | null>(null);
  const [asking, setAsking] = useState(false);

  const load = useCallback(async () => {
    try {
      setStanding(await getContactStanding(alumnusId));
    } catch {
      setStanding(null);
    }
  }, [alumnusId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!standing) return null;
  const { request } = standing;
  let body;
  if (request?.status === 'accepted' && request.theirContact) {
    body = <SharedContact contact={request.theirContact} title={`${name} 分享给你的联系方式`} />;
  } else if (request?.status === 'pending' && request.direction === 'sent') {
    body = <Text className="contact-section__state">已发送联系请求，等待对方回应</Text>;
  } else if (request?.status === 'pending' && request.direction === 'received') {
    body = (
      <>
        <Text className="contact-section__state">{name} 向你发来了联系请求</Text>
        <Button
          className="contact-section__go"
          type="primary"
          shape="round"
          block
          onClick={() => void Taro.navigateTo({ url: CONTACTS_PAGE })}
        >
          去处理
        </Button>
      </>
    );
  } else if (asking) {
    body = (
      <ContactForm
        phoneBound={standing.phoneBound}
        withNote
        intro={`对方接受后，你们才能看到彼此分享的联系方式；${name} 也可以不接受。`}
        sendLabel="发送请求"
        onCancel={() => setAsking(false)}
        onSend={async (share, note) => {
          await sendContactRequest({ recipientId: alumnusId, note, ...share });
          void Taro.showToast({ title: '已发送', icon: 'success' });
          setAsking(false);
          await load();
        }}
      />
    );
  } else if (standing.mayRequest) {
    body = (
      <Button className="contact-section__ask" type="primary" shape="round" block onClick={() => setAsking(true)}>
        联系TA
      </Button>
    );
  } else {
    body = <Text className="contact-section__state">{message(standing.blockedBy)}</Text>;
  }
  return <View className="contact-section">{body}</View>;
}
