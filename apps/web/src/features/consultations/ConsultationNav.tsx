import type { ConsultationDetail } from '@cw/shared';
import { TabNav } from '@radix-ui/themes';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { visibleNavItems } from './consultation-nav';

/** The consultation's pages this member may use now. */
export function ConsultationNav({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const base = `/consultations/${consultation.id}`;
  return (
    <TabNav.Root aria-label={t('nav.consultation')} className="consultation-nav">
      {visibleNavItems(consultation).map((item) => {
        const to = item.path ? `${base}/${item.path}` : base;
        const isActive = pathname === to || pathname === `${to}/`;
        return (
          <TabNav.Link key={item.path} asChild active={isActive}>
            <Link to={to} {...(isActive ? { 'aria-current': 'page' as const } : {})}>
              {t(item.labelKey)}
            </Link>
          </TabNav.Link>
        );
      })}
    </TabNav.Root>
  );
}
