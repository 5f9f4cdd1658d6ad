import { Input, Text, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { FieldError } from './field-error';
import './form-field.scss';

/** The keys of a draft whose values are text (what an input edits). */
export type TextKey<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string;

/** A form's draft, how to change one of its values, and the problems to show by field. */
export interface FormBinding<D> {
  draft: D;
  set: <K extends keyof D>(key: K, value: D[K]) => void;
  problems?: { [key: string]: string | undefined };
  /**
   * Saves the form: Enter in any of its one-line inputs does what the save button does (at a
   * desk, Enter; on a phone, the keyboard's 完成).
   */
  submit?: () => void;
}

/** A binding over a draft kept in `useState`: `set` changes one value; `submit` is what Enter does. */
export function bindForm<D>(
  draft: D,
  setDraft: (update: (draft: D) => D) => void,
  problems?: FormBinding<D>['problems'],
  submit?: () => void,
): FormBinding<D> {
  return { draft, set: (key, value) => setDraft((d) => ({ ...d, [key]: value })), problems, submit };
}

/**
 * A binding over one part of a larger draft (a question of a survey, an option of a vote):
 * `change` merges the changed value into that part; Enter saves the whole form (`within`'s submit).
 */
export function bindPart<P>(part: P, change: (patch: Partial<P>) => void, within?: Pick<FormBinding<unknown>, 'submit'>): FormBinding<P> {
  return { draft: part, set: (key, value) => change({ [key]: value } as unknown as Partial<P>), submit: within?.submit };
}

interface InputProps<D> {
  form: FormBinding<D>;
  name: TextKey<D>;
  placeholder?: string;
  /** `digit` and `number` bring up the phone's number keyboard. */
  type?: 'text' | 'digit' | 'number';
  /** A text area instead of a one-line input. */
  multiline?: boolean;
  maxlength?: number;
  /** Shown but not editable (a published vote, a sent survey). */
  disabled?: boolean;
  className?: string;
}

/** An input (or text area) bound to one text value of a draft. */
export function BoundInput<D>({ form, name, placeholder, type = 'text', multiline, maxlength, disabled, className }: InputProps<D>) {
  const value = form.draft[name] as string;
  const onInput = (e: { detail: { value: string } }) => form.set(name, e.detail.value as D[typeof name]);
  const submit = form.submit;
  return multiline ? (
    <Textarea className={className} maxlength={maxlength} value={value} placeholder={placeholder} disabled={disabled} onInput={onInput} />
  ) : (
    <Input
      className={className}
      type={type}
      maxlength={maxlength}
      value={value}
      placeholder={placeholder}
      disabled={disabled}
      onInput={onInput}
      onConfirm={submit ? () => submit() : undefined}
    />
  );
}

/** One labelled field of a form, with the form's or the server's problem under it. */
export function FieldRow({
  label,
  problem,
  stacked,
  children,
}: {
  label?: string;
  problem?: string;
  stacked?: boolean;
  children: ReactNode;
}) {
  return (
    <View className={stacked ? 'editor-row editor-row--stacked' : 'editor-row'}>
      <View className="editor-row__main">
        {label ? <Text className="editor-row__label">{label}</Text> : null}
        <View className="editor-row__field">{children}</View>
      </View>
      <FieldError className="editor-problem" message={problem} />
    </View>
  );
}

/**
 * A labelled input bound to one text value of a draft, with that value's problem under it
 * (the staff editors' rows). A text area is stacked under its label.
 */
export function FormField<D>({ label, stacked, ...input }: InputProps<D> & { label?: string; stacked?: boolean }) {
  const base = input.multiline ? 'editor-textarea' : 'editor-input';
  return (
    <FieldRow label={label} problem={input.form.problems?.[input.name]} stacked={stacked ?? input.multiline}>
      <BoundInput {...input} className={input.className ? `${base} ${input.className}` : base} />
    </FieldRow>
  );
}
