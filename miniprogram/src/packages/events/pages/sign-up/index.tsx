import { EVENT_LIMITS, type EventDetailDto, type RegistrationDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { signUp } from '../../../../api/events';
import { askForMessages, prefetchMessageTemplates } from '../../../../api/notifications';
import { ApiError, showingErrorsInline } from '../../../../api/request';
import { FieldError } from '../../../../components/field-error';
import { ErrorState } from '../../../../components/error-state';
import { TICKET_URL } from '../../../../components/event-ticket-card';
import { useSingleFlight } from '../../../../components/use-single-flight';
import { isActive, seatsLine, signupState, timeRange } from '../../event-view';
import {
  type AnswerDraft,
  answerProblems,
  answersToSend,
  attemptFor,
  emptyDraft,
  problemsFromDetails,
  questionFields,
  setText,
  type SubmissionAttempt,
  toggleOption,
} from '../../sign-up-form';
import { useEvent } from '../../use-event';
import './index.scss';

export default function SignUpPage() {
  const { params } = useRouter();
  const { state, reload } = useEvent(params.id);
  if (state.status === 'loading') return <Skeleton className="signup-skeleton" rows={8} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  if (isActive(state.registration)) return <AlreadySignedUp registration={state.registration} />;
  return <SignUpForm event={state.event} onQuestionsChanged={() => void reload(true)} />;
}

function AlreadySignedUp({ registration }: { registration: RegistrationDto }) {
  return (
    <View className="signup-done">
      <Text className="signup-done__title">{registration.status === 'confirmed' ? '你已报名成功' : '你已在候补队列中'}</Text>
      <Button className="signup-done__back" shape="round" onClick={() => void Taro.navigateBack()}>
        返回活动
      </Button>
    </View>
  );
}

function SignUpForm({ event, onQuestionsChanged }: { event: EventDetailDto; onQuestionsChanged: () => void }) {
  const { questions } = event;
  const [draft, setDraft] = useState<AnswerDraft>(() => emptyDraft(questions));
  const [tried, setTried] = useState(false);
  const [serverProblems, setServerProblems] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState<SubmissionAttempt | null>(null);
  const { busy: sending, run } = useSingleFlight();
  const fields = useMemo(() => questionFields(questions, draft, tried), [questions, draft, tried]);
  const signup = signupState(event);
  useEffect(() => void prefetchMessageTemplates(), []);

  const change = (next: AnswerDraft) => {
    setDraft(next);
    setServerProblems({});
  };

  const submit = async () => {
    setTried(true);
    if (Object.keys(answerProblems(questions, draft)).length > 0) {
      void Taro.showToast({ title: '请完成标红的问题', icon: 'none' });
      return;
    }
    // Signed up, the page leaves for the ticket or back to the event: a tap meanwhile signs up nothing
    // again. A refusal rejects, which ends the flight, so the next tap may try again.
    await run(
      async () => {
        // Asked inside the tap, as WeChat requires; the answer never blocks signing up.
        await askForMessages(['eventRegistration', 'eventReminder', 'eventChanged']);
        const answers = answersToSend(questions, draft);
        // Same answers as the last try: same key, so a retry after a lost answer is not a second sign-up.
        const current = attemptFor(attempt, answers);
        setAttempt(current);
        // A refused answer shows under its question, not as a toast too.
        const registration = await showingErrorsInline(
          (error) => Object.keys(problemsFromDetails(error.code, error.details)).length > 0,
          () => signUp(event.id, answers, current.key),
        );
        if (registration.status === 'confirmed') {
          void Taro.showToast({ title: '报名成功', icon: 'success' });
          void Taro.redirectTo({ url: `${TICKET_URL}?id=${registration.id}&eventId=${event.id}` });
        } else {
          void Taro.showToast({ title: '已加入候补', icon: 'success' });
          void Taro.navigateBack();
        }
      },
      { leaves: true },
    ).catch((error: unknown) => {
      if (!(error instanceof ApiError)) return;
      setServerProblems(problemsFromDetails(error.code, error.details));
      // The questions were edited since the page loaded: show the new ones.
      if (error.code === 'ANSWER_QUESTION_UNKNOWN') onQuestionsChanged();
    });
  };

  return (
    <View className="signup">
      <View className="signup-event">
        <Text className="signup-event__title">{event.title}</Text>
        <Text className="signup-event__meta">{timeRange(event.startsAt, event.endsAt)}</Text>
        <Text className="signup-event__meta">{seatsLine(event)}</Text>
      </View>

      {fields.length === 0 ? (
        <Text className="signup-note">本活动无需填写报名信息，确认后即可报名。</Text>
      ) : (
        fields.map((field) => {
          const question = questions.find((q) => q.id === field.id)!;
          const problem = serverProblems[field.id] ?? field.problem;
          return (
            <View key={field.id} className={problem ? 'signup-question signup-question--problem' : 'signup-question'}>
              <View className="signup-question__head">
                <Text className="signup-question__title">
                  {field.title}
                  {field.required ? <Text className="signup-question__required"> *</Text> : null}
                </Text>
                {field.hint ? <Text className="signup-question__hint">{field.hint}</Text> : null}
              </View>
              {field.kind === 'text' ? (
                <View>
                  <Textarea
                    className="signup-question__text"
                    value={field.text}
                    maxlength={EVENT_LIMITS.textAnswer}
                    autoHeight
                    placeholder={field.required ? '请填写' : '选填'}
                    onInput={(e) => change(setText(draft, field.id, e.detail.value))}
                  />
                  <Text className="signup-question__count">
                    {field.length}/{EVENT_LIMITS.textAnswer}
                  </Text>
                </View>
              ) : (
                <View className="signup-options">
                  {field.options.map((option) => (
                    <Text
                      key={option.label}
                      className={option.chosen ? 'signup-option signup-option--chosen' : 'signup-option'}
                      onClick={() => change(toggleOption(draft, question, option.label))}
                    >
                      {option.label}
                    </Text>
                  ))}
                </View>
              )}
              <FieldError className="signup-question__problem" message={problem} />
            </View>
          );
        })
      )}

      <View className="signup-actions">
        <Button
          className="event-signup-submit"
          type="primary"
          shape="round"
          block
          loading={sending}
          disabled={signup.kind !== 'open'}
          onClick={() => void submit()}
        >
          {signup.kind !== 'open' ? '当前无法报名' : signup.waitlist ? '提交并候补' : '提交报名'}
        </Button>
      </View>
    </View>
  );
}
