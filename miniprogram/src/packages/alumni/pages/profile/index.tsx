import {
  DEGREE_LABELS,
  DEGREES,
  type DepartmentRefDto,
  type MyProfileDto,
  type ProfileField,
  VISIBILITY_LABELS,
  VISIBILITY_LEVELS,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Button as TaroButton, Image, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { deleteMyAccount, exportMyData, updateMyProfile, uploadAvatar } from '../../../../api/profile';
import { clearSession } from '../../../../api/session';
import { ErrorState } from '../../../../components/error-state';
import { FieldError } from '../../../../components/field-error';
import { type FieldOf, topLevelFieldOf, useFieldErrors } from '../../../../components/field-errors';
import {
  changesBetween,
  draftFrom,
  hasChanges,
  maxLengthOf,
  problemsOf,
  type ProfileDraft,
  TEXT_FIELDS,
  type TextField,
} from '../../profile-form';
import { useProfile } from './use-profile';
import './index.scss';
import { mediaUrl } from '../../../../api/media';
import { showModal } from '../../../../components/modal';
import { useSingleFlight } from '../../../../components/use-single-flight';

/** The fields a failed save can name (the body's keys; `visibility.bio` is the bio's row). */
type SavedField = TextField | 'graduationYear' | 'departmentId' | 'degree';
const SAVED_FIELDS: FieldOf<SavedField> = topLevelFieldOf<SavedField>([...TEXT_FIELDS, 'graduationYear', 'departmentId', 'degree']);
const SAVE_MESSAGES = { graduationYear: '请填写正确的毕业年份', departmentId: '请重新选择院系', degree: '请重新选择学历' };

export default function ProfilePage() {
  const { state, retry, replace } = useProfile();
  if (state.status === 'loading') return <Skeleton className="profile-skeleton" rows={8} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void retry()} />;
  return <ProfileForm profile={state.profile} departments={state.departments} onSaved={replace} />;
}

function ProfileForm({
  profile,
  departments,
  onSaved,
}: {
  profile: MyProfileDto;
  departments: DepartmentRefDto[];
  onSaved: (p: MyProfileDto) => void;
}) {
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFrom(profile));
  const { busy: saving, run } = useSingleFlight();
  useEffect(() => setDraft(draftFrom(profile)), [profile]);

  const changes = useMemo(() => changesBetween(profile, draft), [profile, draft]);
  const server = useFieldErrors(SAVED_FIELDS, SAVE_MESSAGES);
  // The form's own check first; what the server refused stays under its field until it is edited.
  const problems: Partial<Record<SavedField, string>> = { ...server.errors, ...problemsOf(draft) };
  const canSave = hasChanges(changes) && Object.keys(problemsOf(draft)).length === 0 && !saving;

  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => {
    if (key !== 'visibility') server.clear(key as SavedField);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const setVisibility = (field: ProfileField) => {
    void Taro.showActionSheet({ itemList: VISIBILITY_LEVELS.map((level) => VISIBILITY_LABELS[level]) }).then(
      ({ tapIndex }) => setDraft((d) => ({ ...d, visibility: { ...d.visibility, [field]: VISIBILITY_LEVELS[tapIndex] } })),
      () => undefined,
    );
  };

  const save = () =>
    run(async () => {
      try {
        const saved = await server.submit(() => updateMyProfile(changes));
        onSaved(saved);
        void Taro.showToast(
          saved.pendingReview.length > 0 ? { title: '已保存，部分内容审核后生效', icon: 'none' } : { title: '已保存', icon: 'success' },
        );
      } catch {
        // Shown under the field the server named, or else as the request wrapper's one toast.
      }
    });

  const text = (field: TextField, label: string, visibility?: ProfileField, placeholder = `请填写${label}`) => (
    <FieldRow
      label={label}
      problem={problems[field]}
      visibility={visibility && draft.visibility[visibility]}
      onVisibility={visibility && (() => setVisibility(visibility))}
    >
      <Input
        className="profile-field__input"
        value={draft[field]}
        maxlength={maxLengthOf(field)}
        placeholder={placeholder}
        onInput={(e) => set(field, e.detail.value)}
      />
    </FieldRow>
  );

  const departmentIndex = departments.findIndex((d) => d.id === draft.departmentId);

  return (
    <View className="profile">
      <AvatarHeader
        profile={profile}
        onChanged={onSaved}
        visibility={draft.visibility.avatar}
        onVisibility={() => setVisibility('avatar')}
      />

      <PendingReview profile={profile} />

      <Section title="基本信息">
        {text('displayName', '昵称', undefined, '其他校友看到的名字')}
        {text('realName', '真实姓名', 'realName')}
        <FieldRow
          label="毕业年份"
          problem={problems.graduationYear}
          visibility={draft.visibility.graduationYear}
          onVisibility={() => setVisibility('graduationYear')}
        >
          <Input
            className="profile-field__input"
            type="number"
            maxlength={4}
            value={draft.graduationYear}
            placeholder="例如 2012"
            onInput={(e) => set('graduationYear', e.detail.value)}
          />
        </FieldRow>
        <FieldRow
          label="院系"
          problem={problems.departmentId}
          visibility={draft.visibility.department}
          onVisibility={() => setVisibility('department')}
        >
          <Picker
            mode="selector"
            range={departments.map((d) => d.name)}
            value={Math.max(departmentIndex, 0)}
            onChange={(e) => set('departmentId', departments[Number(e.detail.value)]?.id ?? null)}
          >
            <Text className={departmentIndex < 0 ? 'profile-field__placeholder' : 'profile-field__value'}>
              {departmentIndex < 0 ? '请选择院系' : departments[departmentIndex]!.name}
            </Text>
          </Picker>
        </FieldRow>
        {text('major', '专业', 'major')}
        {text('className', '班级', 'className', '例如 机械 1201 班')}
        <FieldRow label="学历" problem={problems.degree} visibility={draft.visibility.degree} onVisibility={() => setVisibility('degree')}>
          <View
            className="profile-field__select"
            onClick={() =>
              void Taro.showActionSheet({ itemList: DEGREES.map((d) => DEGREE_LABELS[d]) }).then(
                ({ tapIndex }) => set('degree', DEGREES[tapIndex] ?? null),
                () => undefined,
              )
            }
          >
            <Text className={draft.degree ? 'profile-field__value' : 'profile-field__placeholder'}>
              {draft.degree ? DEGREE_LABELS[draft.degree] : '请选择学历'}
            </Text>
          </View>
        </FieldRow>
      </Section>

      <Section title="工作与城市">
        {text('city', '所在城市', 'city')}
        {text('industry', '行业', 'industry')}
        {text('employer', '工作单位', 'employer')}
        {text('jobTitle', '职务', 'jobTitle')}
        <FieldRow label="手机号" visibility={draft.visibility.phone} onVisibility={() => setVisibility('phone')}>
          <Text className={profile.phoneMasked ? 'profile-field__value' : 'profile-field__placeholder'}>
            {profile.phoneMasked ?? '未绑定'}
          </Text>
        </FieldRow>
      </Section>

      <Section title="个人简介">
        <FieldRow label="简介" problem={problems.bio} visibility={draft.visibility.bio} onVisibility={() => setVisibility('bio')} stacked>
          <Textarea
            className="profile-field__textarea"
            value={draft.bio}
            maxlength={maxLengthOf('bio')}
            placeholder="介绍一下自己，让同学更容易认出你"
            onInput={(e) => set('bio', e.detail.value)}
          />
        </FieldRow>
      </Section>

      <Text className="profile-note">
        可见范围：“所有校友”为已认证校友可见；“同群校友”为与你同在一个群组的校友可见；“仅工作人员”只有校友会工作人员可见。你本人始终能看到全部资料。
      </Text>

      <View className="profile-actions">
        <Button type="primary" block shape="round" loading={saving} disabled={!canSave} onClick={() => void save()}>
          {hasChanges(changes) ? '保存' : '已是最新'}
        </Button>
      </View>

      <AccountSection />
    </View>
  );
}

function AvatarHeader({
  profile,
  onChanged,
  visibility,
  onVisibility,
}: {
  profile: MyProfileDto;
  onChanged: (p: MyProfileDto) => void;
  visibility: string;
  onVisibility: () => void;
}) {
  const { busy: uploading, run } = useSingleFlight();
  const upload = async (path: string) => {
    await run(async () => {
      try {
        onChanged(await uploadAvatar(path));
      } catch {
        // Shown by the request wrapper (e.g. 图片过大).
      }
    });
  };
  // WeChat's own avatar picker on the phone; the browser build picks an image file instead.
  const pickInBrowser = () =>
    void Taro.chooseImage({ count: 1, sizeType: ['compressed'] }).then(
      (res) => {
        const [path] = res.tempFilePaths;
        if (path) void upload(path);
      },
      () => undefined,
    );
  const face = profile.avatarUrl ? (
    <Image className="profile-avatar__image" src={mediaUrl(profile.avatarUrl)} mode="aspectFill" />
  ) : (
    <Text className="profile-avatar__initial">{profile.displayName.slice(0, 1)}</Text>
  );

  return (
    <View className="profile-header">
      {Taro.getEnv() === 'WEAPP' ? (
        <TaroButton className="profile-avatar" openType="chooseAvatar" onChooseAvatar={(e) => void upload(e.detail.avatarUrl)}>
          {face}
        </TaroButton>
      ) : (
        <View className="profile-avatar" onClick={pickInBrowser}>
          {face}
        </View>
      )}
      <View className="profile-header__text">
        <Text className="profile-header__name">{profile.displayName}</Text>
        <Text className="profile-header__status">{uploading ? '头像上传中…' : profile.verified ? '已认证校友' : '尚未认证'}</Text>
      </View>
      <VisibilityChip level={visibility} onClick={onVisibility} />
    </View>
  );
}

function AccountSection() {
  // One at a time: a second tap while an export or the 注销 question is up opens no second dialog.
  const { run, confirmThen } = useSingleFlight();
  const exportData = () =>
    run(async () => {
      try {
        const data = await exportMyData();
        await Taro.setClipboardData({ data: JSON.stringify(data, null, 2) });
        void showModal({
          title: '数据已导出',
          content: `包含个人资料、${data.records.interactions.length} 条参与记录、${data.records.registrations.length} 条活动报名和 ${data.records.donations.length} 条捐赠记录等全部数据，已复制到剪贴板。`,
          showCancel: false,
        });
      } catch {
        // Shown by the request wrapper.
      }
    });
  // Deleted, the app starts again signed out (reLaunch): the flight stays on while it goes. A refusal
  // rejects, which ends the flight.
  const deleteAccount = () =>
    confirmThen(
      {
        title: '注销账号',
        content: '注销后，你的个人资料将被永久删除且无法恢复；参与记录会匿名保留用于统计。确定注销吗？',
        confirmText: '确定注销',
        confirmColor: '#d93026',
      },
      async () => {
        await deleteMyAccount();
        clearSession();
        void Taro.showToast({ title: '账号已注销', icon: 'success' });
        void Taro.reLaunch({ url: '/pages/index/index' });
      },
      { leaves: true },
    ).catch(() => {
      // Shown by the request wrapper.
    });
  return (
    <Section title="数据与账号">
      <View className="profile-link" onClick={() => void exportData()}>
        <Text>导出我的数据</Text>
      </View>
      <View className="profile-link profile-link--danger" onClick={() => void deleteAccount()}>
        <Text>注销账号</Text>
      </View>
    </Section>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className="profile-section">
      <Text className="profile-section__title">{title}</Text>
      <View className="profile-section__body">{children}</View>
    </View>
  );
}

interface FieldRowProps {
  label: string;
  problem?: string;
  visibility?: string;
  onVisibility?: () => void;
  stacked?: boolean;
  children: ReactNode;
}

function FieldRow({ label, problem, visibility, onVisibility, stacked, children }: FieldRowProps) {
  return (
    <View className={stacked ? 'profile-field profile-field--stacked' : 'profile-field'}>
      <View className="profile-field__line">
        <Text className="profile-field__label">{label}</Text>
        {stacked ? null : <View className="profile-field__control">{children}</View>}
        {visibility && onVisibility ? <VisibilityChip level={visibility} onClick={onVisibility} /> : null}
      </View>
      {stacked ? children : null}
      <FieldError className="profile-field__problem" message={problem} />
    </View>
  );
}

function VisibilityChip({ level, onClick }: { level: string; onClick: () => void }) {
  return (
    <View className={`visibility-chip visibility-chip--${level}`} onClick={onClick}>
      <Text>{VISIBILITY_LABELS[level as keyof typeof VISIBILITY_LABELS]}</Text>
    </View>
  );
}

const PENDING_LABELS: Record<string, string> = {
  displayName: '昵称',
  realName: '真实姓名',
  major: '专业',
  className: '班级',
  city: '所在城市',
  industry: '行业',
  employer: '工作单位',
  jobTitle: '职务',
  bio: '个人简介',
};

/** New text the content check did not clear: it waits for staff, and the field keeps its previous value meanwhile. */
function PendingReview({ profile }: { profile: MyProfileDto }) {
  if (profile.pendingReview.length === 0) return null;
  return (
    <View className="profile-pending">
      <Text className="profile-pending__title">以下修改正在审核，通过后生效：</Text>
      {profile.pendingReview.map((item) => (
        <Text key={item.field} className="profile-pending__item">
          {PENDING_LABELS[item.field] ?? item.field}：{item.text}
        </Text>
      ))}
    </View>
  );
}
