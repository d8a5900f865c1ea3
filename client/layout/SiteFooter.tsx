import { useTranslation } from 'react-i18next';
import { updateView } from '../state/view-store';
import type { Mode } from '../state/view-state';

/** A link to one of the site's own pages (a mode), followed in the page without reloading it. */
function PageLink({ mode, hash = '', label, element }: { mode: Mode; hash?: string; label: string; element?: string }) {
  return (
    <a
      href={`/?mode=${mode}${hash}`}
      data-element={element}
      onClick={(e) => {
        e.preventDefault();
        updateView({ mode });
      }}
    >
      {label}
    </a>
  );
}

/** The footer public-administration sites carry: legal notes, privacy, the accessibility statement and feedback. */
export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer" aria-label={t('site.footer')}>
      <PageLink mode="legal" label={t('site.legal')} element="legal-notes" />
      <PageLink mode="legal" hash="#privacy" label={t('site.privacy')} element="privacy-policy-link" />
      <PageLink mode="accessibility" label={t('site.accessibility')} element="accessibility-link" />
      <PageLink mode="accessibility" hash="#feedback" label={t('site.feedback')} />
    </footer>
  );
}
