import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';

interface Props {
  value: string;
  onChange: (value: string) => void;
  onSearch: (value: string) => void;
  placeholder: string;
  /** On the `<input>` itself, so a browser test can type into it. */
  testId: string;
  label: string;
  loading?: boolean;
  /** Search again (without words) when the clear icon empties the box. */
  searchOnClear?: boolean;
}

/**
 * A keyword box with its 搜索 button. (antd's Input.Search puts data-* attributes on its wrapper,
 * not on the input; this one keeps the test hook and the label on the input.)
 */
export default function SearchBox({ value, onChange, onSearch, placeholder, testId, label, loading, searchOnClear }: Props) {
  return (
    <Space.Compact style={{ width: '100%' }} size="large">
      <Input
        type="search"
        data-testid={testId}
        aria-label={label}
        allowClear
        maxLength={200}
        placeholder={placeholder}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          if (searchOnClear && e.type === 'click' && e.target.value === '') onSearch('');
        }}
        onPressEnter={() => onSearch(value)}
      />
      <Button type="primary" icon={<SearchOutlined aria-hidden />} loading={loading} onClick={() => onSearch(value)}>
        搜索
      </Button>
    </Space.Compact>
  );
}
