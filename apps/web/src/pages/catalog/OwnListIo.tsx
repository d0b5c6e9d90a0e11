import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Drawer, Space } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import IoExportCard from '../bureau/IoExportCard';
import IoImportCard from '../bureau/IoImportCard';
import IoTemplateCard from '../bureau/IoTemplateCard';
import { KIND_TEXT, type ItemKind } from './ItemApi';

const LIST = { need: 'needs', result: 'results' } as const;

/**
 * 导入 / 导出 on an organization's own needs or results, with the bureau's import and export cards
 * in the organization's scope: the admin imports (template, dry run, import), every member exports.
 * Shown only to a verified organization that keeps the list.
 */
export default function OwnListIo({ kind }: { kind: ItemKind }) {
  const { me, isAdmin } = useSession();
  const [open, setOpen] = useState<'import' | 'export' | null>(null);
  const t = KIND_TEXT[kind];
  if (!me || me.organization.status !== 'verified' || !t.owners.includes(me.organization.kind)) return null;
  const list = LIST[kind];
  return (
    <>
      <Space wrap style={{ width: '100%', justifyContent: 'flex-end', marginBottom: 8 }}>
        {isAdmin && (
          <Button icon={<UploadOutlined />} onClick={() => setOpen('import')} data-testid="own-import">
            导入
          </Button>
        )}
        <Button icon={<DownloadOutlined />} onClick={() => setOpen('export')} data-testid="own-export">
          导出
        </Button>
      </Space>
      <Drawer
        open={!!open}
        onClose={() => setOpen(null)}
        size="large"
        title={open === 'import' ? `导入本单位的${t.full}` : `导出本单位的${t.full}`}
        destroyOnHidden
      >
        {open === 'import' && (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <IoTemplateCard list={list} />
            <IoImportCard list={list} scope="own" />
          </Space>
        )}
        {open === 'export' && <IoExportCard list={list} scope="own" />}
      </Drawer>
    </>
  );
}
