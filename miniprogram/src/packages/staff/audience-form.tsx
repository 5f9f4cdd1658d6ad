import { AUDIENCE_KIND_LABELS, AUDIENCE_KINDS, type AudienceKind, type AudienceSpec, type GroupSummaryDto } from '@alumni/shared';
import { Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { getAudienceSize } from '../../api/governance';
import { listGroups } from '../../api/groups';
import { Row } from './editor-form';
import './audience-form.scss';

/** Who a vote or survey is for, as the editor holds it: years as typed. */
export interface AudienceDraft {
  kind: AudienceKind;
  yearFrom: string;
  yearTo: string;
  groupId: string;
  groupName: string;
}

export const EMPTY_AUDIENCE: AudienceDraft = { kind: 'verified', yearFrom: '', yearTo: '', groupId: '', groupName: '' };

export function audienceDraftOf(spec: AudienceSpec & { label?: string }): AudienceDraft {
  return {
    kind: spec.kind,
    yearFrom: spec.yearFrom == null ? '' : String(spec.yearFrom),
    yearTo: spec.yearTo == null ? '' : String(spec.yearTo),
    groupId: spec.groupId ?? '',
    groupName: spec.kind === 'group' ? (spec.label ?? '') : '',
  };
}

/** The audience the server reads, or the problem that keeps the form from sending it. */
export function audienceOf(draft: AudienceDraft): { audience: AudienceSpec | null; problem?: string } {
  if (draft.kind === 'graduation_years') {
    const from = Number(draft.yearFrom);
    const to = draft.yearTo.trim() === '' ? from : Number(draft.yearTo);
    if (!/^\d{4}$/.test(draft.yearFrom.trim()) || !Number.isInteger(to) || to < from)
      return { audience: null, problem: '请填写毕业年份区间，如 2005 至 2010' };
    return { audience: { kind: 'graduation_years', yearFrom: from, yearTo: to } };
  }
  if (draft.kind === 'group') {
    if (!draft.groupId) return { audience: null, problem: '请选择一个群组' };
    return { audience: { kind: 'group', groupId: draft.groupId } };
  }
  return { audience: { kind: draft.kind } };
}

/** The audience rows of an editor, with how many verified alumni it holds now. */
export function AudienceFields({
  draft,
  onChange,
  problem,
  locked,
}: {
  draft: AudienceDraft;
  onChange: (draft: AudienceDraft) => void;
  problem?: string;
  locked: boolean;
}) {
  const [size, setSize] = useState<string>('');
  const [groupQuery, setGroupQuery] = useState('');
  const [groups, setGroups] = useState<GroupSummaryDto[]>([]);
  const { audience } = audienceOf(draft);
  const key = JSON.stringify(audience);

  useEffect(() => {
    if (!audience) {
      setSize('');
      return;
    }
    let live = true;
    getAudienceSize(audience).then(
      (answer) => live && setSize(`当前共 ${answer.size} 位认证校友`),
      () => live && setSize(''),
    );
    return () => {
      live = false;
    };
    // `key` stands for the audience's content: a new object with the same fields asks nothing again.
  }, [key]);

  const findGroups = (q: string) => {
    setGroupQuery(q);
    if (q.trim() === '') setGroups([]);
    else
      listGroups({ q: q.trim(), limit: 6 }).then(
        (page) => setGroups(page.items),
        () => setGroups([]),
      );
  };

  return (
    <>
      <Row label="参与范围" problem={problem} stacked>
        <View className="editor-chips audience-kinds">
          {AUDIENCE_KINDS.map((kind) => (
            <Text
              key={kind}
              className={`editor-chip audience-kind--${kind} ${draft.kind === kind ? 'editor-chip--active' : ''}`}
              onClick={() => !locked && onChange({ ...draft, kind })}
            >
              {AUDIENCE_KIND_LABELS[kind]}
            </Text>
          ))}
        </View>
        {size ? <Text className="editor-hint audience-size">{size}</Text> : null}
      </Row>
      {draft.kind === 'graduation_years' ? (
        <Row label="毕业年份">
          <View className="audience-years">
            <Input
              className="editor-input audience-year-from"
              type="number"
              value={draft.yearFrom}
              placeholder="2005"
              disabled={locked}
              onInput={(e) => onChange({ ...draft, yearFrom: e.detail.value })}
            />
            <Text>至</Text>
            <Input
              className="editor-input audience-year-to"
              type="number"
              value={draft.yearTo}
              placeholder="2010"
              disabled={locked}
              onInput={(e) => onChange({ ...draft, yearTo: e.detail.value })}
            />
          </View>
        </Row>
      ) : null}
      {draft.kind === 'group' ? (
        <Row label="群组" stacked>
          {draft.groupName ? <Text className="editor-hint">已选：{draft.groupName}</Text> : null}
          {locked ? null : (
            <Input
              className="editor-input audience-group-search"
              value={groupQuery}
              placeholder="搜索群组名称"
              onInput={(e) => findGroups(e.detail.value)}
            />
          )}
          <View className="editor-chips">
            {groups.map((group) => (
              <Text
                key={group.id}
                className={`editor-chip ${draft.groupId === group.id ? 'editor-chip--active' : ''}`}
                onClick={() => onChange({ ...draft, groupId: group.id, groupName: group.name })}
              >
                {group.name}
              </Text>
            ))}
          </View>
        </Row>
      ) : null}
    </>
  );
}
