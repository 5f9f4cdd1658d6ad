import { GOVERNANCE_LIMITS, SUGGESTION_CATEGORIES, SUGGESTION_CATEGORY_LABELS, type SuggestionCategory } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { submitSuggestion } from '../../../../api/governance';
import { askForMessages, prefetchMessageTemplates } from '../../../../api/notifications';
import { Card, Chips } from '../../ui';
import { governanceUrls } from '../../urls';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const CATEGORIES = Object.fromEntries(SUGGESTION_CATEGORIES.map((c) => [c, SUGGESTION_CATEGORY_LABELS[c]])) as Record<
  SuggestionCategory,
  string
>;

/** Writing a suggestion: a title, a category and the text; it is checked, then collects co-signatures. */
export default function SuggestPage() {
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<SuggestionCategory>('alumni_affairs');
  const [body, setBody] = useState('');
  const [tried, setTried] = useState(false);
  const { busy, run } = useSingleFlight();
  useEffect(() => void prefetchMessageTemplates(), []);

  const problems = {
    title: title.trim() === '' ? '请填写标题' : undefined,
    body: [...body.trim()].length < 10 ? '请把建议写清楚（至少 10 个字）' : undefined,
  };

  const submit = async () => {
    setTried(true);
    if (problems.title || problems.body) return;
    // A suggestion made, the page leaves (redirectTo): a tap meanwhile makes no second one.
    await run(
      async () => {
        await askForMessages(['governanceProgress']);
        const suggestion = await submitSuggestion({ title: title.trim(), category, body: body.trim() });
        void Taro.redirectTo({ url: governanceUrls.suggestion(suggestion.id) });
      },
      { leaves: true },
    ).catch(() => {
      // Shown by the request wrapper (the content check, verification).
    });
  };

  return (
    <View className="suggest">
      <Text className="suggest__lead">建议公开展示，征集校友附议；附议达到要求后提交学校相关部门，学校会公开答复。</Text>
      <Card>
        <Text className="suggest__label">标题</Text>
        <Input
          className="suggest__input suggest-title"
          value={title}
          maxlength={GOVERNANCE_LIMITS.suggestionTitle}
          placeholder="一句话说明你的建议"
          onInput={(e) => setTitle(e.detail.value)}
        />
        {tried && problems.title ? <Text className="suggest__problem">{problems.title}</Text> : null}
        <Text className="suggest__label">类别</Text>
        <Chips className="suggest-categories" items={CATEGORIES} value={category} onChange={setCategory} />
        <Text className="suggest__label">建议内容</Text>
        <Textarea
          className="suggest__textarea suggest-body"
          value={body}
          maxlength={GOVERNANCE_LIMITS.suggestionBody}
          placeholder="现状、问题和具体建议"
          onInput={(e) => setBody(e.detail.value)}
        />
        <Text className="gv-muted">
          {[...body].length}/{GOVERNANCE_LIMITS.suggestionBody}
        </Text>
        {tried && problems.body ? <Text className="suggest__problem">{problems.body}</Text> : null}
      </Card>
      <View className="suggest__actions">
        <Button className="suggest-submit" type="primary" shape="round" block loading={busy} onClick={() => void submit()}>
          提交建议
        </Button>
      </View>
    </View>
  );
}
