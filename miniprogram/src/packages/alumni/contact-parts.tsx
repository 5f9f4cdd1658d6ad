import { CONTACT_LIMITS, type ContactShareInput, type SharedContactDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { type ContactShareDraft, EMPTY_SHARE, shareInput, shareProblems } from '../../components/contact-share';
import { ContactShareFields } from '../../components/contact-share-fields';
import { useSingleFlight } from '../../components/use-single-flight';
import './contact-parts.scss';

/** What the other side shared, one row a field; nothing shown for a field they kept. */
export function SharedContact({ contact, title }: { contact: SharedContactDto; title: string }) {
  const rows = [
    { label: '手机号', value: contact.phone, className: 'shared-contact__phone' },
    { label: '邮箱', value: contact.email, className: 'shared-contact__email' },
    { label: '微信号', value: contact.wechatId, className: 'shared-contact__wechat' },
  ].filter((row) => row.value);
  return (
    <View className="shared-contact">
      <Text className="shared-contact__title">{title}</Text>
      {rows.map((row) => (
        <View key={row.label} className="shared-contact__row">
          <Text className="shared-contact__label">{row.label}</Text>
          <Text className={`shared-contact__value ${row.className}`}>{row.value}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * What I share with one classmate (and, when asking, a short note): the form of a new request
 * and of an acceptance. Problems show under their field once sending was tried, one per field.
 */
export function ContactForm({
  phoneBound,
  withNote,
  intro,
  sendLabel,
  onSend,
  onCancel,
}: {
  phoneBound: boolean;
  withNote: boolean;
  intro: string;
  sendLabel: string;
  onSend: (share: ContactShareInput, note: string | null) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<ContactShareDraft>({ ...EMPTY_SHARE, sharePhone: phoneBound });
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const { busy, run } = useSingleFlight();
  const problems = shareProblems(draft, phoneBound);
  const noteTooLong = [...note.trim()].length > CONTACT_LIMITS.note;

  const send = async () => {
    setTried(true);
    if (Object.keys(problems).length > 0 || noteTooLong) return;
    await run(async () => {
      try {
        await onSend(shareInput(draft), note.trim() || null);
      } catch {
        // The request wrapper showed the server's reason.
      }
    });
  };

  return (
    <View className="contact-form">
      <Text className="contact-form__intro">{intro}</Text>
      {withNote ? (
        <View className="contact-form__field">
          <Text className="contact-form__label">附言（选填）</Text>
          <Textarea
            className="contact-form__note"
            value={note}
            maxlength={CONTACT_LIMITS.note}
            placeholder="简单介绍自己，如届别、班级，想聊什么"
            onInput={(e) => setNote(e.detail.value)}
          />
          {tried && noteTooLong ? <Text className="contact-form__problem">附言最多 {CONTACT_LIMITS.note} 字</Text> : null}
        </View>
      ) : null}
      <View className="contact-form__field">
        <Text className="contact-form__label">分享的联系方式</Text>
        <ContactShareFields
          draft={draft}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          phoneBound={phoneBound}
          problems={tried ? { email: problems.email, wechatId: problems.wechatId } : {}}
          prefix="contact-form"
        />
        {tried && problems.contact ? <Text className="contact-form__problem">{problems.contact}</Text> : null}
      </View>
      <View className="contact-form__actions">
        <Button className="contact-form__cancel" type="primary" fill="outline" shape="round" onClick={onCancel}>
          取消
        </Button>
        <Button className="contact-form__send" type="primary" shape="round" loading={busy} onClick={() => void send()}>
          {sendLabel}
        </Button>
      </View>
    </View>
  );
}
