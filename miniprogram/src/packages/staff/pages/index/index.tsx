import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './index.scss';

/** The staff tools, one entry each; every tool is a page of this subpackage. */
const TOOLS = [
  { url: '/packages/staff/pages/claims/index', title: '认证审核', hint: '审核名册未能自动匹配的校友认证' },
  { url: '/packages/staff/pages/roster-import/index', title: '名册导入', hint: '从 Excel 或 CSV 导入毕业生名册' },
  { url: '/packages/staff/pages/staff-members/index', title: '工作人员管理', hint: '管理员授权或撤销工作人员' },
];

export default function StaffHomePage() {
  return (
    <View className="staff-home">
      {TOOLS.map((tool) => (
        <View key={tool.url} className="staff-tool" onClick={() => void Taro.navigateTo({ url: tool.url })}>
          <Text className="staff-tool__title">{tool.title}</Text>
          <Text className="staff-tool__hint">{tool.hint}</Text>
        </View>
      ))}
    </View>
  );
}
