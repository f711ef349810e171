import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Spinner } from '@/components/spinner';
import { Tabs } from '@/components/tabs';
import type { PanelIntent } from '@/lib/panel-intent';
import { queries } from '@/lib/queries/keys';
import { panelIntentItem } from '@/lib/storage';
import { queueCount } from '@/lib/background/followups';
import { WorkspaceSwitcher } from '@/components/workspace-switcher';
import { CopilotView } from './copilot-view';
import { useWorkspaces } from './use-workspaces';
import { useFollowups } from './use-followups';
import { IncidentsView } from './incidents-view';
import { takeIntent } from './intents';

// The first screen is the open-incident list (or Settings before connecting); every other view
// loads when first shown, so opening the panel parses only what the list needs.
const DeclareView = lazy(() => import('./declare-view').then((m) => ({ default: m.DeclareView })));
const DetailView = lazy(() => import('./detail-view').then((m) => ({ default: m.DetailView })));
const LinkTicketView = lazy(() => import('./link-ticket-view').then((m) => ({ default: m.LinkTicketView })));
const FollowupsView = lazy(() => import('./followups-view').then((m) => ({ default: m.FollowupsView })));
const SettingsView = lazy(() => import('./settings-view').then((m) => ({ default: m.SettingsView })));
const SiteAccessView = lazy(() => import('./site-access-view').then((m) => ({ default: m.SiteAccessView })));

type Section = 'incidents' | 'declare' | 'settings' | 'followups';
const SECTIONS = [
  { id: 'incidents', label: 'Incidents' },
  { id: 'declare', label: 'Declare' },
  { id: 'settings', label: 'Settings' },
] as const;

/** The side panel: incidents (list → detail), declare, settings; opens on Settings until connected. */
export function Panel() {
  const connection = useQuery(queries.connection());
  const [section, setSection] = useState<Section | null>(null);
  const [openRef, setOpenRef] = useState<string | null>(null);
  const [linkRequest, setLinkRequest] = useState<Extract<PanelIntent, { kind: 'link-ticket' }> | null>(null);
  const followups = useFollowups();
  const workspaces = useWorkspaces();
  const pendingFollowups = queueCount(followups);
  // Follow-ups (with its count) sits before Settings once connected.
  const tabs = connection.data?.connected
    ? [...SECTIONS.slice(0, 2), { id: 'followups' as const, label: `Follow-ups (${pendingFollowups})` }, ...SECTIONS.slice(2)]
    : SECTIONS;

  function openIncident(ref: string) {
    setSection('incidents');
    setOpenRef(ref);
  }

  useEffect(() => {
    const follow = (intent: PanelIntent | null) => {
      if (intent?.kind === 'declare') setSection('declare');
      if (intent?.kind === 'incident') openIncident(intent.ref);
      if (intent?.kind === 'link-ticket') {
        setSection('incidents');
        setLinkRequest(intent);
      }
    };
    void takeIntent().then(follow);
    // While the panel stays open, a new request (menu, shortcut, help-desk click) arrives by storage.
    return panelIntentItem.watch((intent) => {
      if (intent) void takeIntent().then(follow);
    });
  }, []);

  if (connection.isPending) return <Spinner label="Starting Incident Copilot…" />;
  const current: Section = section ?? (connection.data?.connected ? 'incidents' : 'settings');
  return (
    <>
      <WorkspaceSwitcher
        workspaces={workspaces.list}
        busy={workspaces.switchTo.isPending}
        onSwitch={(id) => {
          // What was open belongs to the workspace shown before.
          setOpenRef(null);
          setLinkRequest(null);
          workspaces.switchTo.mutate(id);
        }}
      />
      {connection.data?.connected && <CopilotView onOpenIncident={openIncident} onDeclare={() => setSection('declare')} />}
      <Tabs label="Incident Copilot" tabs={tabs} selected={current} onSelect={setSection}>
      <Suspense fallback={<Spinner label="Loading…" />}>
      {current === 'incidents' &&
        (linkRequest ? (
          <LinkTicketView
            // A new request from another ticket starts a fresh confirmation.
            key={`${linkRequest.ticket.attachment.externalId} ${linkRequest.ref ?? ''}`}
            ticket={linkRequest.ticket}
            suggestedRef={linkRequest.ref}
            onLinked={(ref) => {
              setLinkRequest(null);
              setOpenRef(ref);
            }}
            onCancel={() => setLinkRequest(null)}
          />
        ) : openRef ? (
          <DetailView reference={openRef} onBack={() => setOpenRef(null)} />
        ) : (
          <IncidentsView onOpen={setOpenRef} />
        ))}
      {current === 'declare' && <DeclareView />}
      {current === 'followups' && <FollowupsView state={followups} />}
      {current === 'settings' && (
        <>
          <SettingsView />
          <SiteAccessView />
        </>
      )}
      </Suspense>
      </Tabs>
    </>
  );
}
