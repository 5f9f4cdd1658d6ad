import { GROUP_JOIN_POLICY_LABELS, GROUP_KIND_LABELS, GROUP_LIMITS, PROPOSABLE_GROUP_KINDS } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { proposeGroup, uploadGroupCover } from '../../../../api/groups';
import { groupUrl } from '../../../../components/group-urls';
import { pickCover } from '../../../../components/cover-picker';
import { FieldError } from '../../../../components/field-error';
import { topLevelFieldOf, useFieldErrors } from '../../../../components/field-errors';
import { EMPTY_PROPOSAL, type ProposalDraft, proposalProblems, proposalRequest } from '../../propose-form';
import { showModal } from '../../../../components/modal';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const POLICIES = ['open', 'approval'] as const;
/** What a refused proposal can name (CONTENT_RISKY on the name or intro, GROUP_KIND_DATA_REQUIRED on the place). */
const PROPOSAL_FIELDS = topLevelFieldOf(['name', 'place', 'intro'] as const);

/** A verified alumnus proposes an interest, city or industry group; staff approve it and the proposer owns it. */
export default function ProposeGroupPage() {
  const [draft, setDraft] = useState<ProposalDraft>(EMPTY_PROPOSAL);
  const [tried, setTried] = useState(false);
  const { busy, run } = useSingleFlight();
  /** The picked cover's local path; it is uploaded once the proposal exists. */
  const [cover, setCover] = useState<string | null>(null);
  const problems = proposalProblems(draft);
  const server = useFieldErrors(PROPOSAL_FIELDS);
  const set = (patch: Partial<ProposalDraft>) => {
    for (const key of Object.keys(patch)) if (key === 'name' || key === 'place' || key === 'intro') server.clear(key);
    setDraft((d) => ({ ...d, ...patch }));
  };

  const submit = async () => {
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    // Proposed, the page leaves for the group (redirectTo): a tap meanwhile proposes nothing again. A
    // refusal rejects, which ends the flight, so the next tap may try again.
    await run(
      async () => {
        const group = await server.submit(() => proposeGroup(proposalRequest(draft)));
        // The proposal stands without its cover: after a failed upload (shown by the wrapper) the owner sets one once it opens.
        const coverFailed =
          cover !== null &&
          (await uploadGroupCover(group.id, cover).then(
            () => false,
            () => true,
          ));
        await showModal({
          title: '已提交',
          content: `校友会工作人员审核通过后，群组就会开放，你将成为群主。${coverFailed ? '封面未能上传，审核通过后可在群组页更换封面。' : ''}`,
          showCancel: false,
        });
        void Taro.redirectTo({ url: groupUrl(group.id) });
      },
      { leaves: true },
    ).catch(() => {
      // Shown under the field the server named, or as the wrapper's toast (e.g. 完成校友认证后才能发起群组).
    });
  };

  const shown = (field: 'name' | 'place' | 'intro') => (tried ? problems[field] : undefined) ?? server.errors[field];
  return (
    <View className="propose">
      <Text className="propose-lead">班级群由名册自动创建；兴趣、城市、行业群由已认证校友发起，经校友会审核后开放。</Text>
      <View className="propose-card">
        <Text className="propose-label">类型</Text>
        <View className="propose-chips">
          {PROPOSABLE_GROUP_KINDS.map((kind) => (
            <Text
              key={kind}
              className={kind === draft.kind ? 'propose-chip propose-chip--active' : 'propose-chip'}
              onClick={() => set({ kind, place: '' })}
            >
              {GROUP_KIND_LABELS[kind]}
            </Text>
          ))}
        </View>

        <Text className="propose-label">名称</Text>
        <Input
          className="propose-input propose-name"
          value={draft.name}
          maxlength={GROUP_LIMITS.name}
          placeholder="如：校友羽毛球俱乐部"
          onInput={(e) => set({ name: e.detail.value })}
        />
        <FieldError className="propose-problem" message={shown('name')} />

        {draft.kind !== 'interest' ? (
          <>
            <Text className="propose-label">{draft.kind === 'city' ? '城市' : '行业'}</Text>
            <Input
              className="propose-input propose-place"
              value={draft.place}
              maxlength={GROUP_LIMITS.place}
              placeholder={draft.kind === 'city' ? '如：上海' : '如：互联网'}
              onInput={(e) => set({ place: e.detail.value })}
            />
            <FieldError className="propose-problem" message={shown('place')} />
          </>
        ) : null}

        <Text className="propose-label">封面（选填）</Text>
        <View className="propose-cover" onClick={() => void pickCover().then((path) => path && setCover(path))}>
          {cover ? <Image className="propose-cover__img" src={cover} mode="aspectFill" /> : <Text className="propose-cover__add">+</Text>}
        </View>
        {cover ? (
          <Text className="propose-cover__remove" onClick={() => setCover(null)}>
            移除封面
          </Text>
        ) : null}

        <Text className="propose-label">简介（选填）</Text>
        <Textarea
          className="propose-intro"
          value={draft.intro}
          maxlength={GROUP_LIMITS.intro}
          placeholder="群组的宗旨、活动安排……"
          onInput={(e) => set({ intro: e.detail.value })}
        />
        <FieldError className="propose-problem" message={shown('intro')} />

        <Text className="propose-label">加入方式</Text>
        <View className="propose-chips">
          {POLICIES.map((policy) => (
            <Text
              key={policy}
              className={policy === draft.joinPolicy ? 'propose-chip propose-chip--active' : 'propose-chip'}
              onClick={() => set({ joinPolicy: policy })}
            >
              {GROUP_JOIN_POLICY_LABELS[policy]}
            </Text>
          ))}
        </View>
      </View>
      <Button className="propose-submit" type="primary" shape="round" block loading={busy} onClick={() => void submit()}>
        提交审核
      </Button>
    </View>
  );
}
