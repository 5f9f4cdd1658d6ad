import type { BranchDetailDto, GroupDetailDto } from '@alumni/shared';
import { type JoinModel, joinModel } from '../groups/join-model';

/**
 * What the branch page's join button offers: the home group's join model (the branch is joined
 * through its home group, under the same policy and rules), in a branch's words.
 */
export function branchJoinModel(group: GroupDetailDto): JoinModel {
  const model = joinModel(group);
  const words = (text: string) => text.replace('群组', '分会').replace('群管理员', '分会管理员').replace('该群', '该分会');
  return { ...model, label: words(model.label), note: model.note === null ? null : words(model.note) };
}

/** The place line under a branch's name: 城市分会 · 上海. */
export function branchPlaceLine(branch: Pick<BranchDetailDto, 'place'>, kindLabel: string): string {
  return branch.place ? `${kindLabel} · ${branch.place}` : kindLabel;
}
