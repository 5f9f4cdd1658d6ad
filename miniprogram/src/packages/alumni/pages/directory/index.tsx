import type { DepartmentRefDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { getSchool } from '../../../../api/school';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { AlumnusItem } from '../../alumnus-item';
import { type DirectoryFilters, type DirectoryMode, useDirectory } from '../../use-directory';
import './index.scss';

const PROFILE_URL = '/packages/alumni/pages/profile/index';

export default function DirectoryPage() {
  // ?mode=my-class opens on 我的班级 (the next step after verification).
  const { params } = useRouter();
  const [mode, setMode] = useState<DirectoryMode>(params.mode === 'my-class' ? 'my-class' : 'all');
  const [draft, setDraft] = useState<DirectoryFilters>({});
  const [filters, setFilters] = useState<DirectoryFilters>({});
  const [showFilters, setShowFilters] = useState(false);
  const [departments, setDepartments] = useState<DepartmentRefDto[]>([]);
  const { state, reload, loadMore } = useDirectory(mode, filters);

  useEffect(() => {
    getSchool().then(
      (school) => setDepartments(school.departments),
      () => undefined,
    );
  }, []);

  const search = () => setFilters({ ...draft });
  const set = (key: keyof DirectoryFilters, value: string | undefined) => setDraft((d) => ({ ...d, [key]: value }));
  const activeFilters = useMemo(() => Object.values(filters).filter((v) => v !== undefined && String(v).trim() !== '').length, [filters]);
  const departmentIndex = departments.findIndex((d) => d.id === draft.departmentId);

  return (
    <View className="directory">
      <View className="directory-tabs">
        <Tab label="全部校友" active={mode === 'all'} onClick={() => setMode('all')} />
        <Tab label="我的班级" active={mode === 'my-class'} onClick={() => setMode('my-class')} />
      </View>

      {/* Searching is pointless until the alumnus is verified; the result area says why. */}
      {mode === 'all' && !(state.status === 'failed' && state.code === 'DIRECTORY_VERIFICATION_REQUIRED') ? (
        <View className="directory-search">
          <View className="directory-search__bar">
            <Input
              className="directory-search__input"
              value={draft.q ?? ''}
              placeholder="输入姓名或昵称中的字（如 张 或 伟）"
              confirmType="search"
              onInput={(e) => set('q', e.detail.value)}
              onConfirm={search}
            />
            <Text className="directory-search__toggle" onClick={() => setShowFilters((s) => !s)}>
              筛选{activeFilters > 0 ? `(${activeFilters})` : ''}
            </Text>
          </View>
          {showFilters ? (
            <View className="directory-filters">
              <FilterInput
                label="毕业年份"
                value={draft.graduationYear === undefined ? '' : String(draft.graduationYear)}
                type="number"
                onInput={(v) => setDraft((d) => ({ ...d, graduationYear: /^\d{4}$/.test(v) ? Number(v) : undefined }))}
              />
              <View className="directory-filter">
                <Text className="directory-filter__label">院系</Text>
                <Picker
                  mode="selector"
                  range={['不限', ...departments.map((d) => d.name)]}
                  value={departmentIndex + 1}
                  onChange={(e) => set('departmentId', departments[Number(e.detail.value) - 1]?.id)}
                >
                  <Text className="directory-filter__value">{departmentIndex < 0 ? '不限' : departments[departmentIndex]!.name}</Text>
                </Picker>
              </View>
              <FilterInput label="班级" value={draft.className ?? ''} onInput={(v) => set('className', v)} />
              <FilterInput label="城市" value={draft.city ?? ''} onInput={(v) => set('city', v)} />
              <FilterInput label="行业" value={draft.industry ?? ''} onInput={(v) => set('industry', v)} />
              <Text className="directory-filters__note">只会匹配对方公开给你的信息。</Text>
            </View>
          ) : null}
          <Button className="directory-search__button" type="primary" size="small" shape="round" onClick={search}>
            搜索
          </Button>
        </View>
      ) : null}

      <Results state={state} mode={mode} onRetry={() => void reload()} onMore={() => void loadMore()} />
    </View>
  );
}

function Results({
  state,
  mode,
  onRetry,
  onMore,
}: {
  state: ReturnType<typeof useDirectory>['state'];
  mode: DirectoryMode;
  onRetry: () => void;
  onMore: () => void;
}) {
  if (state.status === 'loading') return <Skeleton className="directory-skeleton" rows={6} animated />;
  if (state.status === 'failed') {
    if (state.code === 'DIRECTORY_VERIFICATION_REQUIRED') {
      return <EmptyState title="完成校友认证后才能查找校友" description="认证通过后，你就可以按姓名、届别、院系、城市等找到老同学。" />;
    }
    if (state.code === 'MY_CLASS_UNKNOWN') {
      return (
        <EmptyState title="还不知道你在哪个班" description="在个人资料中填写毕业年份、院系和班级后，就能看到同班同学。">
          <Button type="primary" shape="round" size="small" onClick={() => void Taro.navigateTo({ url: PROFILE_URL })}>
            去填写
          </Button>
        </EmptyState>
      );
    }
    return <ErrorState message={state.message} onRetry={onRetry} />;
  }
  if (state.items.length === 0) {
    return mode === 'my-class' ? (
      <EmptyState title="还没有同班同学加入" description="邀请同学们来认证吧，认证后会出现在这里。" />
    ) : (
      <EmptyState title="没有找到符合条件的校友" description="换个姓名或减少筛选条件试试。对方未公开的信息不会被搜索到。" />
    );
  }
  return (
    <View className="directory-results">
      {state.items.map((alumnus) => (
        <AlumnusItem key={alumnus.id} alumnus={alumnus} />
      ))}
      {state.nextCursor ? (
        <View className="directory-more">
          <Button size="small" shape="round" loading={state.loadingMore} onClick={onMore}>
            加载更多
          </Button>
        </View>
      ) : (
        <Text className="directory-end">没有更多了</Text>
      )}
    </View>
  );
}

function Tab({ label, active, onClick }: { label: string; active: boolean; onClick: () => void }) {
  return (
    <View className={active ? 'directory-tab directory-tab--active' : 'directory-tab'} onClick={onClick}>
      <Text>{label}</Text>
    </View>
  );
}

function FilterInput({
  label,
  value,
  type = 'text',
  onInput,
}: {
  label: string;
  value: string;
  type?: 'text' | 'number';
  onInput: (value: string) => void;
}) {
  return (
    <View className="directory-filter">
      <Text className="directory-filter__label">{label}</Text>
      <Input className="directory-filter__input" type={type} value={value} placeholder="不限" onInput={(e) => onInput(e.detail.value)} />
    </View>
  );
}
