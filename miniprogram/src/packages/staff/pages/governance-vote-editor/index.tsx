import {
  GOVERNANCE_LIMITS,
  VOTE_CHOICE_LABELS,
  VOTE_CHOICES,
  VOTE_PURPOSE_LABELS,
  VOTE_PURPOSES,
  VOTE_RESULTS_VISIBILITIES,
  VOTE_RESULTS_VISIBILITY_LABELS,
  type VoteDto,
  type VoteInput,
} from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Input, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { searchDirectory } from '../../../../api/directory';
import { createVote, getVote, updateVote } from '../../../../api/governance';
import { DateTimeField } from '../../../../components/date-time-field';
import { BoundInput, bindForm, bindPart, FormField } from '../../../../components/form-field';
import { AudienceFields } from '../../audience-form';
import { EditedRecord, Row, Section, useEditorSaving } from '../../editor-form';
import { blankOption, draftOfVote, emptyVoteDraft, type OptionDraft, type VoteDraft, voteInputOf, type VoteProblems } from './vote-form';
import '../events-editor/index.scss';
import './index.scss';

const EDITOR_URL = '/packages/staff/pages/governance-vote-editor/index';
const MANAGE_URL = '/packages/staff/pages/governance-vote/index';

/** Staff draft a vote, poll or election: options (candidates for an election), audience, window, secrecy. A published vote is fixed. */
export default function VoteEditorPage() {
  return <EditedRecord load={getVote}>{(record, { saved }) => <VoteEditor record={record} onSaved={saved} />}</EditedRecord>;
}

function VoteEditor({ record, onSaved }: { record: VoteDto | null; onSaved: (vote: VoteDto) => void }) {
  const { draft, setDraft, problems, busy, save } = useEditorSaving<VoteDto, VoteDraft, VoteInput, VoteProblems>({
    record,
    onSaved: (vote) => {
      onSaved(vote);
      if (record) void Taro.redirectTo({ url: `${MANAGE_URL}?id=${vote.id}` });
    },
    draftOf: draftOfVote,
    emptyDraft: () => emptyVoteDraft(),
    inputOf: voteInputOf,
    create: createVote,
    update: updateVote,
    problemsOf: () => ({}),
    url: EDITOR_URL,
  });
  const locked = record !== null && record.phase !== 'draft';
  const set = (patch: Partial<VoteDraft>) => setDraft((d) => ({ ...d, ...patch }));
  // Enter in any one-line field saves, as 保存 does; an option's fields are bound like the vote's own.
  const form = bindForm(draft, setDraft, problems, locked ? undefined : () => void save());
  const setOption = (index: number, patch: Partial<OptionDraft>) =>
    set({ options: draft.options.map((o, i) => (i === index ? { ...o, ...patch } : o)) });

  const chips = <T extends string>(values: readonly T[], labels: Record<T, string>, value: T, onPick: (v: T) => void, block: string) => (
    <View className="editor-chips">
      {values.map((v) => (
        <Text
          key={v}
          className={`editor-chip ${block}--${v} ${v === value ? 'editor-chip--active' : ''}`}
          onClick={() => !locked && onPick(v)}
        >
          {labels[v]}
        </Text>
      ))}
    </View>
  );

  return (
    <View className="editor vote-editor">
      {locked ? <Text className="editor-hint">投票已发布，内容不能再修改。</Text> : null}
      <Section title="内容">
        <Row label="类型" stacked>
          {chips(VOTE_PURPOSES, VOTE_PURPOSE_LABELS, draft.purpose, (purpose) => set({ purpose }), 'vote-purpose')}
        </Row>
        <FormField
          form={form}
          name="title"
          label="标题"
          maxlength={GOVERNANCE_LIMITS.voteTitle}
          placeholder="如：第三届校友理事会理事选举"
          disabled={locked}
          className="vote-title"
        />
        <FormField
          form={form}
          name="description"
          label="说明"
          maxlength={GOVERNANCE_LIMITS.voteDescription}
          placeholder="投票事项的背景、规则"
          multiline
          disabled={locked}
          className="vote-description"
        />
      </Section>

      <Section title={draft.purpose === 'election' ? '候选人' : '选项'}>
        <Row label="方式" problem={problems.maxChoices} stacked>
          {chips(VOTE_CHOICES, VOTE_CHOICE_LABELS, draft.choice, (choice) => set({ choice }), 'vote-choice')}
          {draft.choice === 'multiple' ? (
            <View className="vote-editor__max">
              <Text>最多可选</Text>
              <BoundInput form={form} name="maxChoices" type="number" disabled={locked} className="editor-input vote-max-choices" />
              <Text>项</Text>
            </View>
          ) : null}
        </Row>
        {draft.options.map((option, index) => (
          <View key={index} className="editor-question vote-option-row">
            <View className="editor-question__head">
              <Text className="editor-question__index">
                {draft.purpose === 'election' ? '候选人' : '选项'} {index + 1}
              </Text>
              {!locked && draft.options.length > 2 ? (
                <Text className="editor-question__remove" onClick={() => set({ options: draft.options.filter((_, i) => i !== index) })}>
                  删除
                </Text>
              ) : null}
            </View>
            <BoundInput
              form={bindPart(option, (change) => setOption(index, change), form)}
              name="label"
              maxlength={GOVERNANCE_LIMITS.optionLabel}
              placeholder={draft.purpose === 'election' ? '候选人姓名' : '选项名称'}
              disabled={locked}
              className="editor-input editor-question__label vote-option-label"
            />
            <BoundInput
              form={bindPart(option, (change) => setOption(index, change), form)}
              name="description"
              maxlength={GOVERNANCE_LIMITS.optionDescription}
              placeholder="简介（选填）"
              disabled={locked}
              className="editor-input editor-question__label vote-option-description"
            />
            {draft.purpose === 'election' && !locked ? (
              <CandidatePicker
                option={option}
                onPick={(candidateId, name) => setOption(index, { candidateId, label: option.label || name })}
              />
            ) : null}
          </View>
        ))}
        {problems.options ? <Text className="editor-problem">{problems.options}</Text> : null}
        {!locked && draft.options.length < GOVERNANCE_LIMITS.maxOptions ? (
          <Text className="editor-link vote-add-option" onClick={() => set({ options: [...draft.options, blankOption()] })}>
            + 添加{draft.purpose === 'election' ? '候选人' : '选项'}
          </Text>
        ) : null}
      </Section>

      <Section title="范围与时间">
        <AudienceFields draft={draft.audience} onChange={(audience) => set({ audience })} problem={problems.audience} locked={locked} />
        <DateTimeField form={form} name="opensAt" label="开始" disabled={locked} className="vote-opens" />
        <DateTimeField form={form} name="closesAt" label="结束" disabled={locked} className="vote-closes" />
      </Section>

      <Section title="保密与结果">
        <Row label="无记名投票" problem={problems.secret}>
          <Switch
            className="vote-secret"
            checked={draft.secret}
            disabled={locked}
            onChange={(e) => set({ secret: e.detail.value, resultsVisibility: e.detail.value ? 'after_close' : draft.resultsVisibility })}
          />
        </Row>
        <Text className="editor-hint">
          {draft.secret
            ? '无记名：只记录谁已投票，选票只计入各选项的票数，任何人（包括工作人员）都无法从数据库查出某人投给了谁。'
            : '记名：工作人员可以看到每位校友的选择。'}
        </Text>
        <Row label="结果" stacked>
          {chips(
            VOTE_RESULTS_VISIBILITIES,
            VOTE_RESULTS_VISIBILITY_LABELS,
            draft.resultsVisibility,
            (resultsVisibility) => set({ resultsVisibility }),
            'vote-visibility',
          )}
        </Row>
      </Section>

      {locked ? null : (
        <View className="editor-actions">
          <Button className="vote-save" type="primary" shape="round" block loading={busy} onClick={() => void save()}>
            {record ? '保存草稿' : '创建草稿'}
          </Button>
          {record ? (
            <Button shape="round" block onClick={() => void Taro.redirectTo({ url: `${MANAGE_URL}?id=${record.id}` })}>
              返回投票管理
            </Button>
          ) : null}
        </View>
      )}
    </View>
  );
}

/** An election's option names a verified alumnus: found by name in the directory. */
function CandidatePicker({ option, onPick }: { option: OptionDraft; onPick: (candidateId: string, name: string) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<{ id: string; name: string; hint: string }[]>([]);
  const search = (value: string) => {
    setQ(value);
    if (value.trim() === '') return setFound([]);
    searchDirectory({ q: value.trim(), limit: 5 }).then(
      (page) =>
        setFound(
          page.items
            .filter((a) => a.verified)
            .map((a) => ({ id: a.id, name: a.realName ?? a.displayName, hint: a.graduationYear ? `${a.graduationYear} 届` : '' })),
        ),
      () => setFound([]),
    );
  };
  return (
    <View className="vote-candidate">
      <Text className="editor-hint">
        {option.candidateId ? '已关联校友（当选后可直接列入理事会）' : '关联认证校友（选填），当选后可直接列入理事会'}
      </Text>
      <Input
        className="editor-input editor-question__label vote-candidate-search"
        value={q}
        placeholder="搜索校友姓名"
        onInput={(e) => search(e.detail.value)}
      />
      <View className="editor-chips">
        {found.map((a) => (
          <Text
            key={a.id}
            className={`editor-chip ${option.candidateId === a.id ? 'editor-chip--active' : ''}`}
            onClick={() => onPick(a.id, a.name)}
          >
            {a.name} {a.hint}
          </Text>
        ))}
      </View>
    </View>
  );
}
