import './nodeCompat.ts';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { defineRoom, defineServer, matchMaker } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import compression from 'compression';
import { janusInstances, type Config } from './config.ts';
import { openDatabase, migrateToLatest, type Db } from './db/database.ts';
import { createLogger } from './logger.ts';
import { getHall, hallVersion, putHallInUse } from '../../shared/layout/hallLayout.ts';
import { readHallFile } from './hall/layoutCheck.ts';
import { createHallLayoutService } from './hall/hallLayoutService.ts';
import { createHallLayoutBoard } from './hall/hallLayoutBoard.ts';
import { mountHallRoutes } from './http/hallRoutes.ts';
import { CONSULTATION_ROOM, HALL_ROOM } from '../../shared/constants.ts';
import { createMovementService } from './services/movementService.ts';
import { createVisitService } from './services/visitService.ts';
import { cityClock, createUsageCounts } from './services/usageCounts.ts';
import { startUsageSampler } from './services/usageSampler.ts';
import { createActivityReader } from './figures/activity.ts';
import { createFiguresService } from './figures/figuresService.ts';
import { openDataSets } from './figures/openDataSets.ts';
import { openDataLicence } from './figures/openDataLicence.ts';
import { checklistCounter, CHECKLIST_COUNTS } from './figures/checklistCounter.ts';
import { mountFiguresRoutes } from './http/figuresRoutes.ts';
import { mountOpenDataRoutes } from './http/openDataRoutes.ts';
import { livePopulation } from './rooms/hall/livePopulation.ts';
import { createHallRoom } from './rooms/hall/HallRoom.ts';
import { mountHealthRoutes } from './http/healthRoutes.ts';
import { mountStaticClient } from './http/staticClient.ts';
import { mountApiFallbacks } from './http/apiErrors.ts';
import { mountCatalogRoutes, procedureLinks } from './http/catalogRoutes.ts';
import { mountGuideRoutes } from './http/guideRoutes.ts';
import { mountAnnouncementRoutes } from './http/announcementRoutes.ts';
import { createAnnouncementService } from './services/announcementService.ts';
import { createAnnouncementBoard } from './services/announcementBoard.ts';
import { createDisasterService } from './services/disasterService.ts';
import { createDisasterBoard } from './services/disasterBoard.ts';
import { mountDisasterRoutes } from './http/disasterRoutes.ts';
import { mountCallUpRoutes } from './http/callUpRoutes.ts';
import { createCallUpService } from './services/callUpService.ts';
import { createGuideService } from './services/guideService.ts';
import { createCatalogService } from './services/catalogService.ts';
import { counterIds, seedCatalogIfEmpty } from './catalog/seedCatalog.ts';
import { createAuthService } from './auth/authService.ts';
import { seedDemoAccounts, disableDemoAccounts } from './auth/demoAccounts.ts';
import { createVisitorTokens, loadVisitorSecret } from './auth/visitorTokens.ts';
import { mountVisitorRoutes } from './http/visitorRoutes.ts';
import { createCodeGuessGuard } from './limits/codeGuesses.ts';
import { sharedLimiter } from './limits/sharedLimiter.ts';
import { mountStaffRoutes } from './http/staffRoutes.ts';
import { mountAdminCatalogRoutes } from './http/adminCatalogRoutes.ts';
import { mountAuditRoutes } from './http/auditRoutes.ts';
import { createAuditLog } from './services/auditLog.ts';
import { watchCatalog } from './services/catalogWatch.ts';
import { mountRecordRoutes } from './http/recordRoutes.ts';
import { createRecordService } from './services/recordService.ts';
import { createBookingService } from './services/bookingService.ts';
import { mountBookingRoutes } from './http/bookingRoutes.ts';
import { createEventService } from './services/eventService.ts';
import { mountEventRoutes } from './http/eventRoutes.ts';
import { createBriefingRoom } from './rooms/briefing/BriefingRoom.ts';
import { briefingLifecycle, tellDeck } from './rooms/briefing/briefingLifecycle.ts';
import { tellHalls } from './rooms/hall/hallBriefings.ts';
import { createSlideService } from './services/slideService.ts';
import { mountSlideRoutes } from './http/slideRoutes.ts';
import { createJanusClient } from './media/janusClient.ts';
import { createStageRooms } from './media/stageRooms.ts';
import { createJanusAccess, createStageAccess } from './media/janusAccess.ts';
import { createIceServers } from './media/iceServers.ts';
import { BRIEFING_ROOM } from '../../shared/protocol/index.ts';
import { createQueueService, type QueueService } from './services/queueService.ts';
import { createMetrics } from './metrics.ts';
import { createConsultationService } from './rooms/consultation/consultationInvites.ts';
import { createConsultationRoom } from './rooms/consultation/ConsultationRoom.ts';
import { createDesk } from './desk/desk.ts';
import { localDeskBus } from './desk/deskBus.ts';
import { joinCluster } from './cluster/joinCluster.ts';
import { mountOriginPolicy } from './http/originPolicy.ts';
import { scheduleRetention } from './services/retention.ts';
import { pinClientAddress } from './http/clientAddress.ts';
import { localDay } from '../../shared/hours/openingHours.ts';

export const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface RunningServer {
  port: number;
  url: string;
  db: Db;
  close(): Promise<void>;
}

/** Boots the whole product in this process: database, rooms, HTTP API and the built client. */
export async function startServer(config: Config): Promise<RunningServer> {
  const log = createLogger(config.LOG_LEVEL);
  // The queue is read lazily at scrape time; it is created a few lines below.
  let queueSummary: () => ReturnType<QueueService['summary']> = () => [];
  const metrics = createMetrics(() => queueSummary());
  const db = openDatabase(config.DATABASE_URL ?? config.DATABASE_FILE, metrics.query);
  const applied = await migrateToLatest(db);
  if (applied.length > 0) log.info(`database migrated: ${applied.join(', ')}`);
  await db
    .insertInto('server_starts')
    .values({ version: VERSION, started_at: new Date().toISOString() })
    .execute();

  // The plan: the one an admin put live last, else HALL_FILE (a bad file stops the start, listing why).
  const fromFile = readHallFile(config.HALL_FILE);
  const layouts = createHallLayoutService(
    db,
    () => ({ layout: getHall().layout, version: hallVersion() }),
    // Asked only on uploads, long after the desk below exists.
    () => desk.staffOnDuty().keys(),
  );
  const live = (await layouts.live()) ?? fromFile;
  putHallInUse(live.layout, live.version);
  const layoutBoard = createHallLayoutBoard(layouts, fromFile, log);
  // Who changed what and when: account changes, uploads, the hall layout, disaster mode, announcements.
  const audit = createAuditLog(db);
  // Always the layout in use: whoever holds it reads the current plan after an admin changes it.
  const hall = getHall();
  // The city's calendar and clock (the plan's time zone): every count the figures read goes by them.
  const clock = cityClock(() => hall.layout.timeZone);
  const usage = createUsageCounts(db, clock, log);
  const visits = createVisitService(db, usage);
  const catalog = createCatalogService(db);
  if (await seedCatalogIfEmpty(catalog, hall, config.CATALOG_DIR)) {
    log.info(`demo catalogue imported from ${config.CATALOG_DIR}`);
  }
  catalog.ensureReadings().catch((err: unknown) => log.warn('furigana for the catalogue failed', err));
  // An upload through another process (or the CLI) reaches this one within seconds.
  const stopCatalogWatch = watchCatalog(catalog, log);
  // Several processes (REDIS_URL): their desks share a bus and one queue lock; one process needs neither.
  const cluster = config.REDIS_URL ? await joinCluster(config.REDIS_URL, db, log) : null;
  const auth = createAuthService(db, {
    sessionHours: config.STAFF_SESSION_HOURS,
    maxFailures: config.LOGIN_MAX_FAILURES,
    maxFailuresPerAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
    lockMinutes: config.LOGIN_LOCK_MINUTES,
    redis: cluster?.redis,
  });
  const visitors = createVisitorTokens(await loadVisitorSecret(db), {
    maxAgeDays: config.VISITOR_TOKEN_DAYS,
    perAddressPerHour: config.VISITOR_TOKENS_PER_ADDRESS,
    redis: cluster?.redis,
  });
  const codeGuesses = createCodeGuessGuard(
    { points: config.BOOKING_CODE_MISSES_PER_ADDRESS, perSeconds: 15 * 60 },
    cluster?.redis,
  );
  if (config.DEMO_DATA === 'on' && (await seedDemoAccounts(auth))) {
    log.info('demo staff accounts created (DEMO_DATA=on; see README)');
  }
  if (config.DEMO_DATA === 'off') {
    const off = await disableDemoAccounts(auth);
    if (off.length) log.warn('demo accounts with the published password disabled (DEMO_DATA=off)', { off });
  }
  const deskBus = cluster?.bus ?? localDeskBus();
  // A process killed outright leaves its rooms listed: Colyseus' health check (of processes whose
  // channel in Redis is gone) clears them, so joins stop trying them seconds sooner.
  deskBus.onProcessGone(
    () =>
      void matchMaker
        .healthCheckAllProcesses()
        .catch((err: unknown) => log.warn('health check of the other processes failed', err)),
  );
  const queue = createQueueService(db, {
    dayOf: (at) => localDay(new Date(at), hall.layout.timeZone),
    coordination: cluster?.queueLock,
  });
  await queue.load(Date.now());
  const stopRetention = scheduleRetention(
    db,
    { ticketDays: config.RETENTION_TICKET_DAYS, bookingDays: config.RETENTION_BOOKING_DAYS },
    log,
  );
  queueSummary = () => queue.summary(Date.now());
  const ice = createIceServers({
    fixed: config.ICE_SERVERS,
    turnUrls: config.TURN_URLS,
    turnSecret: config.TURN_SECRET,
    ttlHours: config.TURN_TTL_HOURS,
  });
  const consultations = createConsultationService(ice, cluster?.consultationKey, (key, ttlMs) =>
    deskBus.claim(key, ttlMs),
  );
  const records = createRecordService(db);
  const bookings = createBookingService(db);
  const events = createEventService(db);
  const slides = createSlideService(db);
  const janus = janusInstances(config);
  const stage =
    janus.length > 0
      ? createStageRooms(
          janus.map((j) => ({ ...j, janus: createJanusClient(j.url, config.JANUS_API_SECRET) })),
          events.stageKeys,
          { viewersPerInstance: config.JANUS_VIEWERS_PER_INSTANCE },
        )
      : null;
  await stage
    ?.restore(async (id) => (await events.get(id)).title.en)
    .catch((err: unknown) => log.error('could not restore the live briefing stages in Janus', err));
  const stageAccess = config.JANUS_ADMIN_SECRET
    ? createStageAccess(janus.map((j) => createJanusAccess(j.adminUrl!, config.JANUS_ADMIN_SECRET!)))
    : undefined;
  // Anyone who publishes to a stage without a feed id the briefing handed out is removed within seconds;
  // members' Janus tokens a dead process could not withdraw go after a day.
  let sweeps = 0;
  const sweeper = stage
    ? setInterval(() => {
        void stage.sweep().catch((err: unknown) => log.warn('stage sweep failed', err));
        if (stageAccess && sweeps++ % 1800 === 0)
          void stageAccess
            .sweep(86_400_000)
            .catch((err: unknown) => log.warn('Janus token sweep failed', err));
      }, 2000)
    : null;
  // One desk for every hall room of this process: counters, queues and calls belong to no room.
  const desk = createDesk({
    hall,
    queue,
    consultations,
    catalog,
    records,
    bookings,
    log,
    ignoreHours: config.OPENING_HOURS === 'always',
    callGraceMs: config.CALL_GRACE_S * 1000,
    ticketGraceMs: config.TICKET_GRACE_S * 1000,
    bus: deskBus,
  });
  // People in the hall in hours without newcomers, and staff minutes on duty per counter.
  const stopSampler = startUsageSampler({
    usage,
    population: livePopulation,
    staffOnDuty: () => desk.staffOnDuty(),
    claim: (key, ttlMs) => deskBus.claim(key, ttlMs),
    log,
  });
  const activity = createActivityReader(db, usage, clock);
  const announcements = createAnnouncementService(db);
  const board = createAnnouncementBoard(announcements, log);
  await board.reload();
  const disaster = createDisasterService(db, () => new Set(hall.layout.counters.map((c) => c.id)));
  const disasterBoard = createDisasterBoard(disaster, log);
  await disasterBoard.reload();
  const deps = {
    config,
    hall,
    announcements: board,
    disaster: disasterBoard,
    layouts: layoutBoard,
    movement: createMovementService(hall),
    visits,
    queue,
    consultations,
    catalog,
    auth,
    visitors,
    codeGuesses,
    records,
    bookings,
    log,
    desk,
    metrics,
    joinGuard: cluster?.joinGuard,
    redis: cluster?.redis,
  };
  const seats = () => (config.BRIEFING_SEATS > 0 ? hall.seats.slice(0, config.BRIEFING_SEATS) : hall.seats);
  const BriefingRoom = createBriefingRoom({
    auth,
    visitors,
    events,
    seats,
    stage: async (eventId) => (await stage?.info(eventId)) ?? null,
    place: async (eventId, sessionId, publisherRole) =>
      (await stage?.place(eventId, sessionId, publisherRole)) ?? null,
    left: (eventId, sessionId) => stage?.left(eventId, sessionId),
    stageAccess,
    deckSize: (eventId) => slides.count(eventId),
    allowFeeds: (eventId, feeds) => stage?.allow(eventId, feeds),
    // Whichever process the resident's hall room runs on, the desk knows where they sit.
    seatOf: async (residentKey) => desk.seatOf(residentKey),
    p2pViewers: config.P2P_STAGE_VIEWERS,
    ice,
    log,
    metrics,
    joinGuard: cluster?.joinGuard,
    joinsPerAddress: config.BRIEFING_JOINS_PER_ADDRESS,
    seatReservationS: config.HALL_SEAT_RESERVATION_S,
    maxMessagesPerSecond: config.ROOM_MAX_MESSAGES_PER_SECOND,
    reconnectGraceS: config.RECONNECT_GRACE_S,
    usage,
  });
  const HallRoom = createHallRoom(deps);
  const ConsultationRoom = createConsultationRoom({
    key: consultations.key,
    catalog,
    records,
    onlineBaseUrl: config.ONLINE_APPLICATION_BASE_URL,
    reconnectGraceS: config.RECONNECT_GRACE_S,
    maxMessagesPerSecond: config.ROOM_MAX_MESSAGES_PER_SECOND,
    log,
    metrics,
    onEnded: (ticketId) => consultations.endedInRoom(ticketId),
    onDispose: (ticketId, roomId) => consultations.closedRoom(ticketId, roomId),
  });
  const startedAt = Date.now();

  const httpServer: HttpServer = createServer();
  const server = defineServer({
    greet: false,
    ...(cluster
      ? { presence: cluster.presence, driver: cluster.driver, publicAddress: config.PUBLIC_ADDRESS }
      : {}),
    transport: new WebSocketTransport({ server: httpServer, maxPayload: config.MAX_PAYLOAD_BYTES }),
    rooms: {
      [HALL_ROOM]: defineRoom(HallRoom),
      [CONSULTATION_ROOM]: defineRoom(ConsultationRoom),
      [BRIEFING_ROOM]: defineRoom(BriefingRoom).filterBy(['eventId']),
    },
    express: (app) => {
      app.disable('x-powered-by');
      // JSON and the page itself, compressed as they go out (static assets are compressed at build time,
      // and a response that already has a Content-Encoding is left alone).
      app.use(compression());
      mountOriginPolicy(app, {
        allowedOrigins: config.ALLOWED_ORIGINS,
        janusPublicUrls: janus.map((j) => j.publicUrl),
        trustProxy: config.TRUST_PROXY === 'on',
      });
      mountHealthRoutes(app, { version: VERSION, startedAt, visits, metrics });
      mountCatalogRoutes(app, {
        catalog,
        hall,
        onlineBaseUrl: config.ONLINE_APPLICATION_BASE_URL,
        disasterOn: () => disasterBoard.current().on,
        countChecklist: checklistCounter(
          usage,
          sharedLimiter('checklist-counts', CHECKLIST_COUNTS, cluster?.redis),
          log,
        ),
      });
      mountGuideRoutes(app, {
        auth,
        catalog,
        guide: createGuideService(db, catalog),
        questionsAsked: sharedLimiter(
          'guide-questions',
          { points: config.GUIDE_QUESTIONS_PER_ADDRESS, perSeconds: 60 },
          cluster?.redis,
        ),
        withLinks: procedureLinks(catalog, config.ONLINE_APPLICATION_BASE_URL),
        usage,
      });
      mountAnnouncementRoutes(app, { auth, announcements, board, log, audit });
      mountDisasterRoutes(app, {
        auth,
        catalog,
        disaster,
        board: disasterBoard,
        withLinks: procedureLinks(catalog, config.ONLINE_APPLICATION_BASE_URL),
        log,
        audit,
      });
      mountRecordRoutes(app, { auth, records });
      mountHallRoutes(app, { auth, layouts, board: layoutBoard, audit, log });
      mountVisitorRoutes(app, { visitors });
      mountBookingRoutes(app, {
        auth,
        visitors,
        codeGuesses,
        bookingsMade: sharedLimiter(
          'bookings-made',
          { points: config.BOOKINGS_PER_ADDRESS, perSeconds: 3600 },
          cluster?.redis,
        ),
        bookings,
        catalog,
        hall,
        worksAt: (staffId, counterId) => desk.worksAt(staffId, counterId),
      });
      mountEventRoutes(app, {
        auth,
        events,
        hall,
        ...briefingLifecycle(stage, log),
        onChange: (e) =>
          void tellHalls(e, log).catch((err: unknown) =>
            log.warn('could not tell the hall of a briefing', err),
          ),
      });
      mountSlideRoutes(app, {
        auth,
        redis: cluster?.redis,
        events,
        slides,
        onDeck: (id, pages) =>
          void tellDeck(id, pages).catch((err: unknown) =>
            log.warn('could not tell the briefing of new slides', err),
          ),
      });
      mountStaffRoutes(app, {
        auth,
        secureCookie: config.COOKIE_SECURE === 'on',
        sessionHours: config.STAFF_SESSION_HOURS,
        departmentExists: (id) => catalog.get().departments.some((d) => d.id === id),
        audit,
        log,
      });
      mountAdminCatalogRoutes(app, { auth, catalog, counterIds: () => counterIds(hall), audit, log });
      mountAuditRoutes(app, { auth, audit });
      mountCallUpRoutes(app, { auth, callUps: createCallUpService(db), log, audit });
      mountFiguresRoutes(app, {
        auth,
        figures: createFiguresService({ activity, catalog, hall }),
        clock,
        peopleNow: livePopulation,
      });
      mountOpenDataRoutes(app, {
        sets: openDataSets({ activity, catalog, hall }),
        clock,
        licence: openDataLicence(config),
        requests: sharedLimiter(
          'open-data',
          { points: config.OPEN_DATA_REQUESTS_PER_ADDRESS, perSeconds: 60 },
          cluster?.redis,
        ),
      });
      if (config.CLIENT_DIR !== 'off' && !mountStaticClient(app, config.CLIENT_DIR)) {
        log.warn(`no built client in ${config.CLIENT_DIR}: run "npm run build" (API and rooms still run)`);
      }
      mountApiFallbacks(app);
    },
  });
  // Clients only join: the server decides when a room opens (joinOrCreate), never a client (create).
  matchMaker.controller.exposedMethods = ['joinOrCreate', 'reconnect'];
  await server.listen(config.PORT, config.HOST);
  pinClientAddress(httpServer, config.TRUST_PROXY === 'on');
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
  log.info(`virtual city hall ${VERSION} listening on ${url}`);

  return {
    port,
    url,
    db,
    async close() {
      await cluster?.close();
      if (sweeper) clearInterval(sweeper);
      stopRetention();
      stopSampler();
      stopCatalogWatch();
      desk.close();
      board.close();
      disasterBoard.close();
      layoutBoard.close();
      await server.gracefullyShutdown(false);
      await db.destroy();
    },
  };
}
