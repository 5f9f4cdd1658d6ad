import { shanghaiDay } from '@alumni/shared';
import { Picker, Text, View } from '@tarojs/components';
import { BoundInput, FieldRow, type FormBinding, type TextKey } from './form-field';

/** The date (`2026-12-20`) and the time (`14:00`) of a typed time, each '' when it cannot be read. */
export function timeParts(value: string): { date: string; time: string } {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(value.trim());
  if (!match) return { date: '', time: '' };
  const two = (n: string) => n.padStart(2, '0');
  return { date: `${match[1]}-${two(match[2]!)}-${two(match[3]!)}`, time: match[4] ? `${two(match[4])}:${match[5]}` : '' };
}

/** A time with the date or the time the picker gave; the other half stays, or starts as `today` and 09:00. */
export function withPicked(value: string, picked: { date?: string; time?: string }, today: string): string {
  const parts = timeParts(value);
  return `${picked.date ?? (parts.date || today)} ${picked.time ?? (parts.time || '09:00')}`;
}

/** A typed time as the browser's date-time input holds it (`2026-12-20T14:00`), '' when it cannot be read. */
export function toLocalInput(value: string): string {
  const { date, time } = timeParts(value);
  return date && time ? `${date}T${time}` : '';
}

/** What the browser's date-time input gave, as the forms type a time (`2026-12-20 14:00`). */
export function fromLocalInput(value: string): string {
  return value.replace('T', ' ');
}

/**
 * A labelled time of a draft, typed as `2026-12-20 14:00` (Beijing) or picked. On a phone, with
 * `wheels`, the pickers are WeChat's own (a date wheel, then a time wheel: the event editor had
 * them, the other editors were typed only and stay so in the mini-program). At a desk (the H5 build in a window
 * at least 1024 px wide, DESK_QUERY of src/desk/at-desk.ts written out so the weapp build folds
 * the whole check) it is the browser's date-time input instead: reached by Tab after the typed
 * field, set from the keyboard, and Enter in it saves the form as Enter in the typed field does.
 * `className` names the field; its pickers are `${className}-date`, `-time` and `-picker`.
 */
export function DateTimeField<D>({
  form,
  name,
  label,
  placeholder,
  disabled,
  wheels,
  className,
}: {
  form: FormBinding<D>;
  name: TextKey<D>;
  /** Shown before the field; a form whose placeholder says what the time is (记录线下互动) has none. */
  label?: string;
  placeholder?: string;
  disabled?: boolean;
  /** WeChat's date and time pickers beside the typed field on a phone. */
  wheels?: boolean;
  className: string;
}) {
  const value = form.draft[name] as string;
  const set = (next: string) => form.set(name, next as D[typeof name]);
  let pickers = null;
  if (!disabled && process.env.TARO_ENV === 'h5' && window.matchMedia('(min-width: 1024px)').matches) {
    const submit = form.submit;
    pickers = (
      <input
        type="datetime-local"
        className={`editor-time-desk ${className}-picker`}
        aria-label={`${label ?? '时间'}（选择日期和时间）`}
        value={toLocalInput(value)}
        onChange={(e) => set(fromLocalInput(e.target.value))}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && submit) {
            e.preventDefault();
            submit();
          }
        }}
      />
    );
  } else if (!disabled && wheels) {
    const parts = timeParts(value);
    const today = shanghaiDay(new Date());
    const pick = (picked: { date?: string; time?: string }) => set(withPicked(value, picked, today));
    pickers = (
      <View className="editor-time-pickers">
        <Picker mode="date" value={parts.date || today} start={today} onChange={(e) => pick({ date: String(e.detail.value) })}>
          <Text className={`editor-time-pick ${className}-date`}>选日期</Text>
        </Picker>
        <Picker mode="time" value={parts.time || '09:00'} onChange={(e) => pick({ time: String(e.detail.value) })}>
          <Text className={`editor-time-pick ${className}-time`}>选时间</Text>
        </Picker>
      </View>
    );
  }
  return (
    <FieldRow label={label} problem={form.problems?.[name]}>
      <BoundInput form={form} name={name} placeholder={placeholder} disabled={disabled} className={`editor-input ${className}`} />
      {pickers}
    </FieldRow>
  );
}
