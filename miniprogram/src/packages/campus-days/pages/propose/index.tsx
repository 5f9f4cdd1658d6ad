import { REUNION_LIMITS, shanghaiDay } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { proposeReunion } from '../../../../api/campus-days';
import { BoundInput, bindForm } from '../../../../components/form-field';
import { useSingleFlight } from '../../../../components/use-single-flight';
import { type ProposeForm, proposalInput } from '../../stamp-view';
import { campusDayUrls } from '../../urls';
import './index.scss';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A classmate proposes a reunion for the class: classmates say 我想参加, staff make it an event. */
export default function ProposePage() {
  const { params } = useRouter();
  const classGroupId = params.classGroupId ?? '';
  const [form, setForm] = useState<ProposeForm>({
    title: '',
    message: '',
    date: shanghaiDay(new Date(Date.now() + 60 * DAY_MS)),
    time: '18:00',
    hours: '3',
    city: '',
    venue: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, run } = useSingleFlight();
  const set = (patch: Partial<ProposeForm>) => setForm((f) => ({ ...f, ...patch }));
  const bound = bindForm(form, setForm);

  const submit = async () => {
    const result = proposalInput(classGroupId, form);
    if ('problem' in result) return setProblem(result.problem);
    setProblem(null);
    // A proposal made, the page leaves (redirectTo): a tap meanwhile makes no second one.
    await run(
      async () => {
        const proposal = await proposeReunion(result.input);
        void Taro.redirectTo({ url: campusDayUrls.reunion(proposal.id) });
      },
      { leaves: true },
    ).catch(() => {
      // Shown by the request wrapper (the content check, the open limit).
    });
  };

  return (
    <View className="cd-propose">
      <View className="cd-propose__card">
        <Text className="cd-propose__label">聚会名称</Text>
        <BoundInput
          form={bound}
          name="title"
          maxlength={REUNION_LIMITS.title}
          placeholder="例如 毕业十周年聚会"
          className="cd-propose__title"
        />
        <Text className="cd-propose__label">想对同学们说</Text>
        <BoundInput
          form={bound}
          name="message"
          maxlength={REUNION_LIMITS.message}
          placeholder="为什么聚、想去哪儿"
          multiline
          className="cd-propose__message"
        />
        <Text className="cd-propose__label">时间</Text>
        <View className="cd-propose__row">
          <Picker mode="date" value={form.date} start={shanghaiDay(new Date())} onChange={(e) => set({ date: e.detail.value })}>
            <Text className="cd-propose__pick">{form.date}</Text>
          </Picker>
          <Picker mode="time" value={form.time} onChange={(e) => set({ time: e.detail.value })}>
            <Text className="cd-propose__pick">{form.time}</Text>
          </Picker>
          <BoundInput form={bound} name="hours" type="number" maxlength={2} className="cd-propose__hours" />
          <Text>小时</Text>
        </View>
        <Text className="cd-propose__label">城市、地点（选填）</Text>
        <BoundInput form={bound} name="city" maxlength={REUNION_LIMITS.city} placeholder="城市" className="cd-propose__city" />
        <BoundInput form={bound} name="venue" maxlength={REUNION_LIMITS.venue} placeholder="想去的地方" className="cd-propose__venue" />
        {problem ? <Text className="cd-propose__problem">{problem}</Text> : null}
      </View>
      <View className="cd-propose__bar">
        <Text className="cd-propose__hint">倡议会经过内容安全检查，同班认证校友都能看到并响应；校友会审核后安排成活动。</Text>
        <Button className="cd-propose__submit" type="primary" shape="round" block loading={busy} onClick={() => void submit()}>
          发起
        </Button>
      </View>
    </View>
  );
}
