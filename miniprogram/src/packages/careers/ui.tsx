import type { CareerStandingDto } from '@alumni/shared';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import './ui.scss';

/** The pieces every careers form and page is made of. Class names start with `cr-`. */

export interface Option<T extends string> {
  value: T;
  label: string;
}

export const options = <T extends string>(values: readonly T[], labels?: Record<T, string>): Option<T>[] =>
  values.map((value) => ({ value, label: labels ? labels[value] : value }));

/** One choice among a few, as chips (`allowNone`: tapping the chosen one clears it). */
export function ChipChoice<T extends string>({
  items,
  value,
  onChange,
  allowNone = false,
  className = '',
}: {
  items: Option<T>[];
  value: T | '';
  onChange: (value: T | '') => void;
  allowNone?: boolean;
  className?: string;
}) {
  return (
    <View className={`cr-chips ${className}`}>
      {items.map((item) => (
        <Text
          key={item.value}
          className={item.value === value ? 'cr-chip cr-chip--on' : 'cr-chip'}
          onClick={() => onChange(item.value === value && allowNone ? '' : item.value)}
        >
          {item.label}
        </Text>
      ))}
    </View>
  );
}

/** Several choices, as chips that toggle. */
export function ChipSet<T extends string>({
  items,
  values,
  onChange,
  className = '',
}: {
  items: Option<T>[];
  values: T[];
  onChange: (values: T[]) => void;
  className?: string;
}) {
  const toggle = (value: T) => onChange(values.includes(value) ? values.filter((v) => v !== value) : [...values, value]);
  return (
    <View className={`cr-chips ${className}`}>
      {items.map((item) => (
        <Text
          key={item.value}
          className={values.includes(item.value) ? 'cr-chip cr-chip--on' : 'cr-chip'}
          onClick={() => toggle(item.value)}
        >
          {item.label}
        </Text>
      ))}
    </View>
  );
}

/** A labelled part of a form, with the problem under it once the form was tried. */
export function Field({ label, problem, hint, children }: { label: string; problem?: string; hint?: string; children: ReactNode }) {
  return (
    <View className="cr-field">
      <Text className="cr-field__label">{label}</Text>
      {hint ? <Text className="cr-field__hint">{hint}</Text> : null}
      {children}
      {problem ? <Text className="cr-field__problem">{problem}</Text> : null}
    </View>
  );
}

export function TextInput({
  value,
  onChange,
  maxlength,
  placeholder,
  className = '',
  type = 'text',
}: {
  value: string;
  onChange: (value: string) => void;
  maxlength: number;
  placeholder?: string;
  className?: string;
  type?: 'text' | 'digit';
}) {
  return (
    <Input
      className={`cr-input ${className}`}
      type={type}
      value={value}
      maxlength={maxlength}
      placeholder={placeholder}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}

export function TextArea({
  value,
  onChange,
  maxlength,
  placeholder,
  className = '',
  tall = false,
}: {
  value: string;
  onChange: (value: string) => void;
  maxlength: number;
  placeholder?: string;
  className?: string;
  tall?: boolean;
}) {
  return (
    <View className="cr-textarea-box">
      <Textarea
        className={`cr-textarea ${tall ? 'cr-textarea--tall' : ''} ${className}`}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
      />
      <Text className="cr-textarea__count">
        {[...value].length}/{maxlength}
      </Text>
    </View>
  );
}

/** A card on a page, with an optional title and an action at its right. */
export function Card({
  title,
  action,
  children,
  className = '',
}: {
  title?: string;
  action?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <View className={`cr-card ${className}`}>
      {title ? (
        <View className="cr-card__head">
          <Text className="cr-card__title">{title}</Text>
          {action}
        </View>
      ) : null}
      {children}
    </View>
  );
}

export function Tag({ children, tone = 'plain' }: { children: ReactNode; tone?: 'plain' | 'brand' | 'accent' | 'muted' }) {
  return <Text className={`cr-tag cr-tag--${tone}`}>{children}</Text>;
}

/**
 * Why the caller cannot do something here, with the way forward: verification for an
 * unverified account, and for a student what the area offers them instead. Null when allowed.
 */
export function StandingNote({ standing, need }: { standing: CareerStandingDto | null; need: 'participate' | 'contribute' }) {
  if (standing === null) {
    return (
      <View className="cr-note" onClick={() => void Taro.navigateTo({ url: '/packages/account/pages/sign-in/index' })}>
        <Text className="cr-note__text">登录并完成校友认证后即可使用</Text>
        <Text className="cr-note__link">去登录</Text>
      </View>
    );
  }
  if (need === 'participate' ? standing.mayParticipate : standing.mayContribute) return null;
  if (standing.stage === 'unverified') {
    return (
      <View className="cr-note" onClick={() => void Taro.navigateTo({ url: '/packages/verification/pages/claim/index' })}>
        <Text className="cr-note__text">完成校友认证后即可使用（在校生用学号认证）</Text>
        <Text className="cr-note__link">去认证</Text>
      </View>
    );
  }
  return (
    <View className="cr-note">
      <Text className="cr-note__text">在校生可以找导师、投递职位和阅读资料；担任导师、发布职位和撰写资料面向已毕业的校友</Text>
    </View>
  );
}
