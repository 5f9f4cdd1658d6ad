import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { DateTimeField, fromLocalInput, timeParts, toLocalInput, withPicked } from './date-time-field';
import { BoundInput, bindForm, bindPart } from './form-field';

interface Draft {
  title: string;
  startsAt: string;
  questions: { label: string }[];
}

/** A form as the staff editors bind theirs: Enter anywhere in it saves. */
function Form({ onSave, wheels }: { onSave: (draft: Draft) => void; wheels?: boolean }) {
  const [draft, setDraft] = useState<Draft>({ title: '', startsAt: '2030-05-02 10:00', questions: [{ label: '' }] });
  const form = bindForm(draft, setDraft, { startsAt: '时间格式为 2026-12-20 14:00' }, () => onSave(draft));
  const setQuestion = (change: Partial<Draft['questions'][number]>) =>
    setDraft((d) => ({ ...d, questions: d.questions.map((q, i) => (i === 0 ? { ...q, ...change } : q)) }));
  return (
    <>
      <BoundInput form={form} name="title" className="title" />
      <DateTimeField form={form} name="startsAt" label="开始" wheels={wheels} className="starts" />
      <BoundInput form={bindPart(draft.questions[0]!, setQuestion, form)} name="label" className="question" />
      <BoundInput form={form} name="title" multiline className="notes" />
    </>
  );
}

const desk = (matches: boolean) => {
  process.env.TARO_ENV = 'h5';
  window.matchMedia = jest.fn().mockReturnValue({ matches }) as unknown as typeof window.matchMedia;
};

// Jest sets no TARO_ENV (neither build's branch runs) unless a test chooses one.
afterEach(() => {
  Reflect.deleteProperty(process.env, 'TARO_ENV');
});

describe('a time typed or picked', () => {
  it('combines what the date and time pickers give with what was typed', () => {
    expect(timeParts('2030-5-2 8:05')).toEqual({ date: '2030-05-02', time: '08:05' });
    expect(timeParts('明天')).toEqual({ date: '', time: '' });
    expect(withPicked('2030-05-02 10:00', { date: '2030-06-01' }, '2026-12-06')).toBe('2030-06-01 10:00');
    expect(withPicked('2030-05-02 10:00', { time: '14:30' }, '2026-12-06')).toBe('2030-05-02 14:30');
    expect(withPicked('', { time: '14:30' }, '2026-12-06')).toBe('2026-12-06 14:30');
    expect(withPicked('', { date: '2030-06-01' }, '2026-12-06')).toBe('2030-06-01 09:00');
  });

  it('reads and writes the browser’s date-time value', () => {
    expect(toLocalInput('2030-5-2 8:05')).toBe('2030-05-02T08:05');
    expect(toLocalInput('2030-05-02')).toBe('');
    expect(toLocalInput('')).toBe('');
    expect(fromLocalInput('2030-05-02T08:05')).toBe('2030-05-02 08:05');
    expect(fromLocalInput('')).toBe('');
  });

  it('offers the browser’s date-time input at a desk: picking fills the typed field, Enter in it saves', () => {
    desk(true);
    const onSave = jest.fn();
    const { container } = render(<Form onSave={onSave} />);
    const picker = screen.getByLabelText('开始（选择日期和时间）') as HTMLInputElement;
    expect(picker.type).toBe('datetime-local');
    expect(picker.value).toBe('2030-05-02T10:00');
    expect(container.querySelector('.taro-picker')).toBeNull();
    // Its problem shows under it, as under any field.
    expect(screen.getByText('时间格式为 2026-12-20 14:00')).toBeTruthy();

    fireEvent.change(picker, { target: { value: '2031-01-15T19:30' } });
    expect((container.querySelector('input.starts') as HTMLInputElement).value).toBe('2031-01-15 19:30');
    fireEvent.keyDown(picker, { key: 'Enter' });
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]![0].startsAt).toBe('2031-01-15 19:30');
  });

  it('keeps a phone’s layout in a narrow window and in the mini-program: WeChat’s wheels where asked for, no browser input', () => {
    desk(false);
    const narrow = render(<Form onSave={jest.fn()} wheels />);
    expect(narrow.container.querySelector('input[type="datetime-local"]')).toBeNull();
    expect(narrow.container.querySelectorAll('.taro-picker')).toHaveLength(2);
    expect(narrow.container.querySelector('.starts-date')!.textContent).toBe('选日期');
    narrow.unmount();

    process.env.TARO_ENV = 'weapp';
    const weapp = render(<Form onSave={jest.fn()} />);
    expect(weapp.container.querySelector('input[type="datetime-local"]')).toBeNull();
    expect(weapp.container.querySelector('.taro-picker')).toBeNull();
  });
});

describe('Enter saves a bound form', () => {
  it('from any one-line field, a question’s own included, with what was typed; never from a text area', () => {
    const onSave = jest.fn();
    const { container } = render(<Form onSave={onSave} />);
    fireEvent.change(container.querySelector('input.title')!, { target: { value: '秋季返校日' } });
    fireEvent.keyDown(container.querySelector('input.title')!, { key: 'Enter' });
    fireEvent.change(container.querySelector('input.question')!, { target: { value: '是否携带家属？' } });
    fireEvent.keyDown(container.querySelector('input.question')!, { key: 'Enter' });
    fireEvent.keyDown(container.querySelector('textarea.notes')!, { key: 'Enter' });
    expect(onSave.mock.calls.map(([draft]) => [draft.title, draft.questions[0].label])).toEqual([
      ['秋季返校日', ''],
      ['秋季返校日', '是否携带家属？'],
    ]);
  });
});
