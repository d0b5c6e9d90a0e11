import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { useSession } from './session';

/**
 * Pages of one role (the bureau, the experts): others are told plainly that they have no access and
 * see none of the page (its data is never requested, and the API refuses it anyway).
 */
export function RoleGate({ role, children }: { role: 'bureau' | 'expert'; children: ReactNode }) {
  const { ready, me, isBureau, isExpert } = useSession();
  const location = useLocation();
  if (!ready) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  const allowed = role === 'bureau' ? isBureau : isExpert;
  if (!allowed) {
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle={role === 'bureau' ? '此页面仅供科技局工作人员使用。' : '此页面仅供科技局专家库中的评审专家使用。'}
        extra={
          <Link to="/">
            <Button type="primary">返回首页</Button>
          </Link>
        }
        data-testid="no-access"
      />
    );
  }
  return <>{children}</>;
}
