import { CONTACT_LIMITS } from '@alumni/shared';
import { Input, Text, View } from '@tarojs/components';
import type { ContactShareDraft, ContactShareProblems } from './contact-share';
import { FieldError } from './field-error';
import './contact-share-fields.scss';

/**
 * The ticks and inputs of the contact fields one shares (see contact-share.ts). `prefix`
 * names the parts (`<prefix>__phone`, `__email-box`, `__email`, `__wechat-box`, `__wechat`) for
 * the page's tests; `problems` are the ones to show now (the form decides when). The
 * "nothing chosen" problem belongs to the field around this.
 */
export function ContactShareFields({
  draft,
  onChange,
  phoneBound,
  problems,
  prefix,
}: {
  draft: ContactShareDraft;
  onChange: (patch: Partial<ContactShareDraft>) => void;
  phoneBound: boolean;
  problems: ContactShareProblems;
  prefix: string;
}) {
  const box = (on: boolean, label: string, toggle: () => void, part: string) => (
    <Text className={`contact-share__box ${prefix}__box ${prefix}__${part} ${on ? 'contact-share__box--on' : ''}`} onClick={toggle}>
      {on ? '☑' : '☐'} {label}
    </Text>
  );
  const input = (value: string, maxlength: number, placeholder: string, part: string, change: (value: string) => void) => (
    <Input
      className={`contact-share__input ${prefix}__${part}`}
      value={value}
      maxlength={maxlength}
      placeholder={placeholder}
      onInput={(e) => change(e.detail.value)}
    />
  );
  return (
    <View className="contact-share">
      {box(draft.sharePhone, phoneBound ? '手机号' : '手机号（尚未绑定）', () => onChange({ sharePhone: !draft.sharePhone }), 'phone')}
      {box(draft.shareEmail, '邮箱', () => onChange({ shareEmail: !draft.shareEmail }), 'email-box')}
      {draft.shareEmail ? input(draft.email, CONTACT_LIMITS.email, 'name@example.com', 'email', (email) => onChange({ email })) : null}
      <FieldError className="contact-share__problem" message={problems.email} />
      {box(draft.shareWechat, '微信号', () => onChange({ shareWechat: !draft.shareWechat }), 'wechat-box')}
      {draft.shareWechat
        ? input(draft.wechatId, CONTACT_LIMITS.wechatId, '你的微信号', 'wechat', (wechatId) => onChange({ wechatId }))
        : null}
      <FieldError className="contact-share__problem" message={problems.wechatId} />
    </View>
  );
}
