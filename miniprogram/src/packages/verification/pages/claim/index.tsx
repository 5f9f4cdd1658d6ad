import {
  CLAIM_LIMITS,
  CLAIM_STATUS_LABELS,
  type ClaimDto,
  type ClassInvitationPreviewDto,
  type DepartmentDto,
  formatShanghaiDateTime,
  type GroupSummaryDto,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { askForMessages, prefetchMessageTemplates } from '../../../../api/notifications';
import { ApiError } from '../../../../api/request';
import { listGroupSuggestions, listMyGroups } from '../../../../api/groups';
import { getClassInvitation } from '../../../../api/liaisons';
import { getSchool } from '../../../../api/school';
import { attachClaimEvidence, createClaim, listMyClaims } from '../../../../api/verification';
import { ErrorState } from '../../../../components/error-state';
import { FieldError } from '../../../../components/field-error';
import { topLevelFieldOf, useFieldErrors } from '../../../../components/field-errors';
import { groupUrl } from '../../../../components/group-urls';
import {
  type ClaimDraft,
  type ClaimField,
  draftFromInvitation,
  EMPTY_DRAFT,
  graduationYears,
  missingFieldOf,
  toRequest,
} from '../../claim-form';
import './index.scss';
import { explainRefusal } from '../../../../components/permission-refusal';
import { useSingleFlight } from '../../../../components/use-single-flight';

type State =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; departments: DepartmentDto[]; claims: ClaimDto[]; invitation: ClassInvitationPreviewDto | null };

const VERIFIED: ClaimDto['status'][] = ['matched', 'approved'];

export default function ClaimPage() {
  // `?invite=`: opened from a class liaison's invitation, the form starts filled from the roster.
  const { params } = useRouter();
  const invite = params.invite;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [correcting, setCorrecting] = useState(false);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const [school, claims, invitation] = await Promise.all([
        getSchool(),
        listMyClaims({ limit: 10 }),
        // An invitation gone stale only loses the prefill; the form still works.
        invite ? getClassInvitation(invite).catch(() => null) : Promise.resolve(null),
      ]);
      setState({ status: 'ready', departments: school.departments, claims: claims.items, invitation });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof ApiError ? error.message : '网络异常，请稍后重试' });
    }
  }, [invite]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading') return <Skeleton className="claim-skeleton" rows={6} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void load()} />;

  const latest = state.claims[0];
  const verified = latest !== undefined && VERIFIED.includes(latest.status);
  // A waiting claim is shown, not the form again: the form returns only to correct the claim.
  const showForm = !verified && (latest?.status !== 'pending' || correcting);
  const replaceLatest = (claim: ClaimDto) => {
    setCorrecting(false);
    setState({
      ...state,
      claims: [
        claim,
        ...state.claims.filter((c) => c.id !== claim.id).map((c) => (c.status === 'pending' ? { ...c, status: 'withdrawn' as const } : c)),
      ],
    });
  };

  return (
    <View className="claim">
      {latest ? <Outcome claim={latest} onChanged={replaceLatest} /> : <Intro />}
      {verified ? <NextSteps /> : null}
      {latest?.status === 'pending' && !correcting ? (
        <Text className="claim-correct" onClick={() => setCorrecting(true)}>
          信息填错了？重新填写
        </Text>
      ) : null}
      {showForm ? (
        <ClaimForm departments={state.departments} invitation={state.invitation} resubmit={latest !== undefined} onFiled={replaceLatest} />
      ) : null}
      {state.claims.length > 1 ? <History claims={state.claims.slice(1)} /> : null}
    </View>
  );
}

function Intro() {
  return (
    <View className="claim-card claim-intro">
      <Text className="claim-card__title">认证校友身份</Text>
      <Text className="claim-card__text">
        填写与学校毕业名册一致的信息。信息与名册唯一吻合时立即完成认证；否则由校友会工作人员人工审核，通常当天处理。
      </Text>
    </View>
  );
}

const DIRECTORY_URL = '/packages/alumni/pages/directory/index';
const PROFILE_URL = '/packages/alumni/pages/profile/index';

/** What a verified alumnus can do now: their class group (when there is one), classmates, the profile. */
function NextSteps() {
  const [classGroup, setClassGroup] = useState<GroupSummaryDto | null>(null);
  useEffect(() => {
    // Suggested (not joined yet) or among my groups (joined already).
    Promise.all([listGroupSuggestions(), listMyGroups({ limit: 50 })]).then(
      ([suggested, mine]) => setClassGroup([...suggested, ...mine.items].find((g) => g.kind === 'class') ?? null),
      () => undefined,
    );
  }, []);
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <View className="claim-card claim-next">
      <Text className="claim-card__title">接下来</Text>
      {classGroup ? (
        <View className="claim-next__step claim-next__class" onClick={() => go(groupUrl(classGroup.id))}>
          <Text className="claim-next__title">进入我的班级群</Text>
          <Text className="claim-next__hint">
            {classGroup.name} · {classGroup.memberCount} 人
          </Text>
        </View>
      ) : null}
      <View className="claim-next__step claim-next__classmates" onClick={() => go(`${DIRECTORY_URL}?mode=my-class`)}>
        <Text className="claim-next__title">找同班同学</Text>
        <Text className="claim-next__hint">校友录 · 我的班级</Text>
      </View>
      <View className="claim-next__step claim-next__directory" onClick={() => go(DIRECTORY_URL)}>
        <Text className="claim-next__title">查找校友</Text>
        <Text className="claim-next__hint">按姓名、届别、院系、城市和行业</Text>
      </View>
      <View className="claim-next__step claim-next__profile" onClick={() => go(PROFILE_URL)}>
        <Text className="claim-next__title">完善个人资料</Text>
        <Text className="claim-next__hint">城市、行业和单位，让同学找到你</Text>
      </View>
    </View>
  );
}

/** Where the latest claim stands, and for a waiting claim the evidence photo that speeds the review. */
function Outcome({ claim, onChanged }: { claim: ClaimDto; onChanged: (claim: ClaimDto) => void }) {
  const { busy: uploading, run } = useSingleFlight();
  // One picker and one upload at a time, from the tap on.
  const attach = () =>
    run(async () => {
      try {
        const { tempFilePaths } = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] });
        if (!tempFilePaths[0]) return;
        onChanged(await attachClaimEvidence(claim.id, tempFilePaths[0]));
        void Taro.showToast({ title: '证明已上传', icon: 'success' });
      } catch (error) {
        // A refused album is explained; a cancel needs nothing; the request wrapper showed an upload's problem (e.g. 图片过大).
        await explainRefusal(error, 'album', '上传证明');
      }
    });

  return (
    <View className={`claim-card claim-outcome claim-outcome--${claim.status}`}>
      <Text className="claim-outcome__status">{CLAIM_STATUS_LABELS[claim.status]}</Text>
      <Text className="claim-card__text">
        {claim.name} · {claim.graduationYear} 届 · {claim.department.name}
      </Text>
      <Text className="claim-card__meta">提交于 {formatShanghaiDateTime(claim.createdAt)}</Text>
      {claim.status === 'matched' ? (
        <Text className="claim-card__text">你的信息与毕业名册吻合，已完成认证，现在可以查找同学、加入班级群了。</Text>
      ) : null}
      {claim.status === 'approved' ? <Text className="claim-card__text">工作人员已审核通过你的认证。</Text> : null}
      {claim.status === 'rejected' ? <Text className="claim-outcome__reason">未通过原因：{claim.rejectReason}</Text> : null}
      {claim.status === 'pending' ? (
        <View className="claim-outcome__evidence">
          <Text className="claim-card__text">
            名册中没有找到唯一吻合的记录，已交给校友会工作人员审核。
            {claim.hasEvidence ? '你已上传证明材料。' : '上传毕业证或学生证照片可以加快审核。'}
          </Text>
          <Button size="small" shape="round" loading={uploading} onClick={() => void attach()}>
            {claim.hasEvidence ? '更换证明照片' : '上传毕业证/学生证照片'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** What a refused claim can name: the request's fields (DEPARTMENT_NOT_FOUND, CLAIM_IDENTIFIER_REQUIRED, a bad year). */
const CLAIM_FIELDS = topLevelFieldOf<ClaimField>(['name', 'graduationYear', 'departmentId', 'studentNumber', 'className']);
const CLAIM_MESSAGES = { name: '请填写与毕业证一致的姓名', graduationYear: '请重新选择毕业年份', studentNumber: '请填写正确的学号' };

function ClaimForm({
  departments,
  invitation,
  resubmit,
  onFiled,
}: {
  departments: DepartmentDto[];
  invitation: ClassInvitationPreviewDto | null;
  resubmit: boolean;
  onFiled: (claim: ClaimDto) => void;
}) {
  const [draft, setDraft] = useState<ClaimDraft>(() => (invitation && !invitation.claimed ? draftFromInvitation(invitation) : EMPTY_DRAFT));
  const { busy: sending, run } = useSingleFlight();
  const [tried, setTried] = useState(false);
  const server = useFieldErrors(CLAIM_FIELDS, CLAIM_MESSAGES);
  const years = graduationYears();
  const set = <K extends keyof ClaimDraft>(key: K, value: ClaimDraft[K]) => {
    if (key !== 'by') server.clear(key as ClaimField);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const departmentIndex = departments.findIndex((d) => d.id === draft.departmentId);
  const missing = missingFieldOf(draft);
  // One message at a time: the first field still missing once they tried, else what the server refused.
  const errorOf = (field: ClaimField) =>
    tried && missing ? (missing.field === field ? missing.message : undefined) : server.errors[field];
  useEffect(() => void prefetchMessageTemplates(), []);

  const submit = async () => {
    setTried(true);
    if (missing) return;
    await run(async () => {
      // A claim the roster cannot settle waits for staff: ask now (in the tap) to hear the outcome.
      await askForMessages(['verificationResult']);
      try {
        const claim = await server.submit(() => createClaim(toRequest(draft)));
        onFiled(claim);
        void Taro.showToast({ title: claim.status === 'matched' ? '认证成功' : '已提交审核', icon: 'success' });
      } catch (error) {
        // Shown under the field the server named, or as the request wrapper's toast (e.g. 今天的认证尝试次数已用完).
        if (error instanceof ApiError && error.code === 'CONSENT_REQUIRED')
          void Taro.navigateTo({ url: '/packages/account/pages/privacy/index' });
      }
    });
  };

  return (
    <View className="claim-card claim-form">
      <Text className="claim-card__title">{resubmit ? '重新提交认证' : '填写认证信息'}</Text>
      {invitation && !invitation.claimed ? (
        <Text className="claim-card__text claim-invited">
          {invitation.invitedBy} 邀请你加入{invitation.classGroupName}，已按毕业名册为你填好，核对无误后提交即可。
        </Text>
      ) : null}
      <Field label="姓名" error={errorOf('name')}>
        <Input
          className="claim-field__input claim-name"
          value={draft.name}
          maxlength={CLAIM_LIMITS.name}
          placeholder="与毕业证一致的姓名"
          onInput={(e) => set('name', e.detail.value)}
        />
      </Field>
      <Field label="毕业年份" error={errorOf('graduationYear')}>
        <Picker
          mode="selector"
          range={years}
          value={Math.max(years.indexOf(draft.graduationYear ?? years[6]!), 0)}
          onChange={(e) => set('graduationYear', years[Number(e.detail.value)] ?? null)}
        >
          <Text className={draft.graduationYear ? 'claim-field__value claim-year' : 'claim-field__placeholder claim-year'}>
            {draft.graduationYear ? `${draft.graduationYear} 届` : '请选择'}
          </Text>
        </Picker>
      </Field>
      <Field label="院系" error={errorOf('departmentId')}>
        <Picker
          mode="selector"
          range={departments.map((d) => d.name)}
          value={Math.max(departmentIndex, 0)}
          onChange={(e) => set('departmentId', departments[Number(e.detail.value)]?.id ?? null)}
        >
          <Text className={departmentIndex < 0 ? 'claim-field__placeholder claim-department' : 'claim-field__value claim-department'}>
            {departmentIndex < 0 ? '请选择院系' : departments[departmentIndex]!.name}
          </Text>
        </Picker>
      </Field>
      <View className="claim-switch">
        {(['studentNumber', 'className'] as const).map((by) => (
          <Text
            key={by}
            className={`claim-switch__option${draft.by === by ? ' claim-switch__option--active' : ''}`}
            onClick={() => set('by', by)}
          >
            {by === 'studentNumber' ? '用学号认证' : '记不清学号？用班级'}
          </Text>
        ))}
      </View>
      {draft.by === 'studentNumber' ? (
        <Field label="学号" error={errorOf('studentNumber')}>
          <Input
            className="claim-field__input claim-student-number"
            value={draft.studentNumber}
            maxlength={CLAIM_LIMITS.studentNumber}
            placeholder="在校时的学号"
            onInput={(e) => set('studentNumber', e.detail.value)}
          />
        </Field>
      ) : (
        <Field label="班级" error={errorOf('className')}>
          <Input
            className="claim-field__input claim-class"
            value={draft.className}
            maxlength={CLAIM_LIMITS.className}
            placeholder="例如 机械1201班"
            onInput={(e) => set('className', e.detail.value)}
          />
        </Field>
      )}
      <Text className="claim-card__meta">每天最多 {CLAIM_LIMITS.unmatchedPerDay} 次未匹配的尝试。一个名册记录只能被一个账号认领。</Text>
      <Button className="claim-submit" type="primary" block shape="round" loading={sending} onClick={() => void submit()}>
        提交认证
      </Button>
    </View>
  );
}

function History({ claims }: { claims: ClaimDto[] }) {
  return (
    <View className="claim-card">
      <Text className="claim-card__title">以往申请</Text>
      {claims.map((claim) => (
        <View key={claim.id} className="claim-history__row">
          <Text className="claim-history__when">{formatShanghaiDateTime(claim.createdAt)}</Text>
          <Text className="claim-history__status">{CLAIM_STATUS_LABELS[claim.status]}</Text>
          {claim.rejectReason ? <Text className="claim-history__reason">{claim.rejectReason}</Text> : null}
        </View>
      ))}
    </View>
  );
}

function Field({ label, error, children }: { label: string; error: string | undefined; children: ReactNode }) {
  return (
    <>
      <View className="claim-field">
        <Text className="claim-field__label">{label}</Text>
        <View className="claim-field__control">{children}</View>
      </View>
      <FieldError className="claim-field__problem" message={error} />
    </>
  );
}
