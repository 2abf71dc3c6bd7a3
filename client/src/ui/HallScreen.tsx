import { lazy, Suspense, useEffect, useState } from 'react';
import { useAppStore, type Profile } from '../store/appStore.ts';
import { useHallStore } from '../store/hallStore.ts';
import { useLayoutStore } from '../store/layoutStore.ts';
import { loadHallPlan } from '../app/hallPlan.ts';
import { hallLoaded } from '../../../shared/layout/hallLayout.ts';
import { joinHall } from '../app/hallSession.ts';
import { startLocalMovement } from '../app/localMovement.ts';
import { useT } from '../i18n/useT.ts';
import { TopBar } from './TopBar.tsx';
import { SkipLinks } from './SkipLinks.tsx';
import { PeoplePanel } from './PeoplePanel.tsx';
import { HallDirectory } from './HallDirectory.tsx';
import { Plan2D } from './Plan2D.tsx';
import { NoticeLine } from './NoticeLine.tsx';
import { SceneErrorBoundary } from './SceneErrorBoundary.tsx';
import { GuidePanel } from './guide/GuidePanel.tsx';
import { loadCatalog } from '../app/catalogActions.ts';
import { startCounterProximity } from '../app/counterProximity.ts';
import { startCallAlerts } from '../app/callAlert.ts';
import { startAnnouncementAlerts } from '../app/announcementAlerts.ts';
import { AnnouncementBanner } from './announcements/AnnouncementBanner.tsx';
import { AnnouncementHistory } from './announcements/AnnouncementHistory.tsx';
import { AnnouncementComposer } from './announcements/AnnouncementComposer.tsx';
import { DisasterBanner } from './disaster/DisasterBanner.tsx';
import { DisasterPanel } from './disaster/DisasterPanel.tsx';
import { DisasterControl } from './disaster/DisasterControl.tsx';
import { ShelterEditor } from './disaster/ShelterEditor.tsx';
import { CallUpControl } from './staff/CallUpControl.tsx';
import { useQueueStore } from '../store/queueStore.ts';
import { TicketCard } from './queue/TicketCard.tsx';
import { CallNotice } from './queue/CallNotice.tsx';
import { ConsultationView } from './queue/ConsultationView.tsx';
import { StaffConsole } from './staff/StaffConsole.tsx';
import { EventsPanel } from './events/EventsPanel.tsx';
import { AuditoriumPrompt } from './events/AuditoriumPrompt.tsx';
import { BriefingView } from './events/BriefingView.tsx';
import { useStageInScene } from './events/useStageInScene.ts';
import { useBriefingStore } from '../store/briefingStore.ts';
import { useCatalogStore } from '../store/catalogStore.ts';

// three.js and the scene load only when the 3D view is shown: the entry screen and 2D view stay light.
const HallScene = lazy(() => import('../scene/HallScene.tsx').then((m) => ({ default: m.HallScene })));

/**
 * The hall needs its plan first (it comes from the server, so a city changes it without a rebuild):
 * until it has arrived, a short wait; if it cannot be fetched, a way to try again.
 */
export function HallScreen({ profile }: { profile: Profile }) {
  const { t } = useT();
  const version = useLayoutStore((s) => s.version);
  const failed = useLayoutStore((s) => s.failed);
  useEffect(() => {
    if (!hallLoaded()) void loadHallPlan();
  }, []);
  if (version) return <HallInside profile={profile} version={version} />;
  return (
    <main id="main" className="hall-plan-wait" tabIndex={-1}>
      {failed ? (
        <p role="alert">
          {t('hall.planFailed')}{' '}
          <button
            type="button"
            onClick={() => {
              useLayoutStore.getState().setFailed(false);
              void loadHallPlan();
            }}
          >
            {t('hall.planRetry')}
          </button>
        </p>
      ) : (
        <p className="loading" role="status">
          {t('hall.planLoading')}
        </p>
      )}
    </main>
  );
}

function HallInside({ profile, version }: { profile: Profile; version: string }) {
  const { t } = useT();
  const [sheetOpen, setSheetOpen] = useState(false);
  const viewMode = useAppStore((s) => s.viewMode);
  const webglAvailable = useAppStore((s) => s.webglAvailable);
  const status = useHallStore((s) => s.status);
  const consulting = useQueueStore((s) => s.consultation !== null);
  const inBriefing = useBriefingStore((s) => s.event !== null);
  // Seated in a briefing on a wide screen, the 3D auditorium stays, its stage screen showing the stage.
  const stageInScene = useStageInScene();
  const show3d = viewMode === '3d' && webglAvailable && !consulting && (!inBriefing || stageInScene);
  const isStaff = useQueueStore((s) => s.staff !== null);
  const guideOpen = useCatalogStore((s) => s.panel !== null);
  // A resident in a consultation has nothing beside it unless they look something up: the room gets the width.
  const side = !consulting || isStaff || guideOpen;

  useEffect(() => {
    const { lang } = useAppStore.getState();
    void joinHall({ nickname: profile.nickname, color: profile.color, lang }, profile.staff);
    void loadCatalog();
    const stopMovement = startLocalMovement();
    const stopAlerts = startCallAlerts();
    const stopAnnouncements = startAnnouncementAlerts();
    return () => {
      stopMovement();
      stopAlerts();
      stopAnnouncements();
    };
  }, [profile]);

  // The counters' places come from the plan: walking up to them follows the plan in use.
  useEffect(() => startCounterProximity(), [version]);

  // A briefing or consultation takes the main area: on a phone the pulled-up sheet folds so it shows.
  useEffect(() => {
    if (inBriefing || consulting) setSheetOpen(false);
  }, [inBriefing, consulting]);

  // Once inside, move focus into the hall (in the 3D view the arrow keys then walk at once), so
  // keyboard and screen-reader users are not left on a page that no longer has the form they used.
  useEffect(() => {
    if (status !== 'connected') return;
    const main = document.getElementById('main');
    if (main && !main.contains(document.activeElement)) main.focus();
  }, [status]);

  return (
    <div className={`hall-screen view-${show3d ? '3d' : '2d'}${side ? '' : ' no-side'}`}>
      <SkipLinks side={side} />
      <TopBar />
      {/* In the 3D view the arrow keys walk anywhere inside main; in the 2D view they keep their usual job. */}
      <main
        id="main"
        className="hall-main"
        aria-label={t('hud.mainLabel')}
        tabIndex={-1}
        data-walk-keys={show3d ? '' : undefined}
      >
        <div className="hall-notices">
          <DisasterBanner />
          <AnnouncementBanner />
        </div>
        {!webglAvailable && <p className="banner">{t('hud.webglUnavailable')}</p>}
        {consulting ? (
          <ConsultationView />
        ) : inBriefing && !stageInScene ? (
          <BriefingView />
        ) : show3d ? (
          <SceneErrorBoundary key={version} fallback={<Plan2D />}>
            <Suspense fallback={<p className="loading">{t('scene.loading')}</p>}>
              <HallScene />
            </Suspense>
          </SceneErrorBoundary>
        ) : (
          <Plan2D key={version} />
        )}
      </main>
      {/* In a consultation the hall's panels step aside: only the staff console and looked-up guides stay. */}
      {side && (
        <aside
          id="side"
          className={`hall-side${sheetOpen ? ' sheet-open' : ''}`}
          aria-label={t('hud.sideLabel')}
          tabIndex={-1}
        >
          {/* On a phone the side panel is a sheet over the bottom of the hall; this pulls it up or down. */}
          <button
            type="button"
            className="sheet-handle"
            aria-expanded={sheetOpen}
            aria-controls="side"
            onClick={() => setSheetOpen(!sheetOpen)}
          >
            {t(sheetOpen ? 'hud.sheetDown' : 'hud.sheetUp')}
          </button>
          {stageInScene && <BriefingView />}
          <DisasterPanel />
          <StaffConsole />
          <ShelterEditor />
          <DisasterControl />
          <CallUpControl />
          <AnnouncementComposer />
          {!consulting && <TicketCard />}
          {!consulting && <AuditoriumPrompt />}
          <GuidePanel />
          {!consulting && <EventsPanel />}
          {!consulting && <AnnouncementHistory />}
          {!consulting && <PeoplePanel />}
          {show3d && <HallDirectory key={version} compact />}
        </aside>
      )}
      <NoticeLine />
      <CallNotice />
      {status === 'connecting' && <div className="connecting-veil">{t('connection.connecting')}</div>}
    </div>
  );
}
