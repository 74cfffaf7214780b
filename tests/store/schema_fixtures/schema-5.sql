PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE journal (
        seq       INTEGER PRIMARY KEY,  -- 1, 2, 3 … gap-free, assigned by the store
        day       TEXT    NOT NULL,     -- the hall day it belongs to, YYYY-MM-DD
        at_ms     INTEGER NOT NULL,     -- hall-local milliseconds since the epoch
        type      TEXT    NOT NULL,     -- "ticket.called" …
        ticket_id INTEGER,
        window_no INTEGER,
        payload   TEXT    NOT NULL      -- the event as protocol JSON
      );
INSERT INTO journal VALUES(1,'2026-12-03',1796320470335,'day.opened',NULL,NULL,'{"at":1796320470335,"date":"2026-12-03","type":"day.opened"}');
INSERT INTO journal VALUES(2,'2026-12-03',1796320470352,'ticket.issued',1,NULL,'{"at":1796320470352,"ticket":{"appointmentSlot":null,"arrivalAt":1796320470352,"calledAt":null,"case":null,"channel":"kiosk","clerk":null,"endedAt":null,"evaluation":"none","history":[{"at":1796320470352,"note":"取号","state":"waiting","window":null}],"id":1,"issuedAt":1796320470352,"item":"370199-GG-0001","note":"","number":"A001","priority":"normal","queue":"general","rating":null,"recalls":0,"requestKey":"ctl-197d9704ba3198f6","sequence":1,"startedAt":null,"state":"waiting","targetKind":null,"targetWindow":null,"transferredFrom":null,"transferredTo":null,"window":null},"type":"ticket.issued"}');
INSERT INTO journal VALUES(3,'2026-12-03',1796320470372,'ticket.issued',2,NULL,'{"at":1796320470372,"ticket":{"appointmentSlot":null,"arrivalAt":1796320470372,"calledAt":null,"case":null,"channel":"kiosk","clerk":null,"endedAt":null,"evaluation":"none","history":[{"at":1796320470372,"note":"取号","state":"waiting","window":null}],"id":2,"issuedAt":1796320470372,"item":"370199-GG-0001","note":"","number":"A002","priority":"normal","queue":"general","rating":null,"recalls":0,"requestKey":"ctl-4b6c0d41cb10e74d","sequence":2,"startedAt":null,"state":"waiting","targetKind":null,"targetWindow":null,"transferredFrom":null,"transferredTo":null,"window":null},"type":"ticket.issued"}');
INSERT INTO journal VALUES(4,'2026-12-03',1796320470464,'window.clerk_logged_in',NULL,1,'{"at":1796320470464,"clerk":"v01","type":"window.clerk_logged_in","window":1}');
INSERT INTO journal VALUES(5,'2026-12-03',1796320470489,'window.opened',NULL,1,'{"at":1796320470489,"type":"window.opened","window":1}');
INSERT INTO journal VALUES(6,'2026-12-03',1796320470509,'ticket.called',1,1,'{"at":1796320470509,"explanation":"A001 在综合服务队列已等候 0 分钟，是本窗口所服务队列中加权等候最久的号","reason":"longest_weighted_wait","ticket":1,"type":"ticket.called","window":1}');
INSERT INTO journal VALUES(7,'2026-12-03',1796320470530,'ticket.service_started',1,1,'{"at":1796320470530,"ticket":1,"type":"ticket.service_started","window":1}');
INSERT INTO journal VALUES(8,'2026-12-03',1796320470548,'ticket.completed',1,1,'{"at":1796320470548,"ticket":1,"type":"ticket.completed","window":1}');
CREATE TABLE snapshot (
        seq        INTEGER PRIMARY KEY,  -- the state after journal row `seq`
        day        TEXT,
        at_ms      INTEGER NOT NULL,
        definition TEXT    NOT NULL,     -- HallDefinition JSON in force
        state      TEXT    NOT NULL      -- HallState JSON
      );
INSERT INTO snapshot VALUES(1,'2026-12-03',1796320470335,'{"calendar":{"coveredYears":[2026],"holidays":["2026-01-01","2026-01-02","2026-01-03","2026-02-15","2026-02-16","2026-02-17","2026-02-18","2026-02-19","2026-02-20","2026-02-21","2026-02-22","2026-02-23","2026-04-04","2026-04-05","2026-04-06","2026-05-01","2026-05-02","2026-05-03","2026-05-04","2026-05-05","2026-06-19","2026-06-20","2026-06-21","2026-09-25","2026-09-26","2026-09-27","2026-10-01","2026-10-02","2026-10-03","2026-10-04","2026-10-05","2026-10-06","2026-10-07"],"makeUpWorkdays":["2026-01-04","2026-02-14","2026-02-28","2026-05-09","2026-09-20","2026-10-10"],"weekend":[6,7]},"cases":{"correctionTimeCounts":false,"dueSoonWorkingDays":1,"numberPrefix":"370199101201"},"items":[{"authority":"township","category":"公共服务","code":"370199-GG-0001","feeBasis":"","fees":"不收费","kind":"immediate","legalBasis":"《中华人民共和国人口与计划生育法》第二十条","materials":["夫妻双方居民身份证","户口簿","结婚证"],"name":"生育服务登记","priorityAllowed":true,"promisedWorkingDays":0,"queue":"general","scope":"district","typicalServiceMinutes":10},{"authority":"township","category":"行政给付","code":"370199-JF-0002","feeBasis":"","fees":"不收费","kind":"promised","legalBasis":"《山东省人口与计划生育条例》第三十一条","materials":["申请人居民身份证","户口簿","独生子女父母光荣证","本人社会保障卡或银行卡"],"name":"独生子女父母关怀抚恤金申领","priorityAllowed":true,"promisedWorkingDays":15,"queue":"general","scope":"district","typicalServiceMinutes":15},{"authority":"township","category":"行政给付","code":"370199-JF-0003","feeBasis":"","fees":"不收费","kind":"promised","legalBasis":"《中华人民共和国老年人权益保障法》第三十三条","materials":["老年人居民身份证","户口簿","本人社会保障卡或银行卡","代办时提供委托书及代办人身份证"],"name":"高龄津贴申领","priorityAllowed":true,"promisedWorkingDays":10,"queue":"general","scope":"district","typicalServiceMinutes":10},{"authority":"township","category":"公共服务","code":"370199-GG-0004","feeBasis":"","fees":"不收费","kind":"immediate","legalBasis":"《就业服务与就业管理规定》（人力资源社会保障部令第23号）第六十二条","materials":["居民身份证","解除或终止劳动合同证明（失业登记时）"],"name":"就业失业登记","priorityAllowed":true,"promisedWorkingDays":0,"queue":"general","scope":"district","typicalServiceMinutes":10},{"authority":"township","category":"公共服务","code":"370199-GG-0005","feeBasis":"","fees":"不收费","kind":"promised","legalBasis":"《中华人民共和国老年人权益保障法》第五十七条","materials":["居民身份证","户口簿","近期一寸免冠彩色照片"],"name":"老年优待证办理","priorityAllowed":true,"promisedWorkingDays":5,"queue":"general","scope":"city","typicalServiceMinutes":8},{"authority":"township","category":"公共服务","code":"370199-GG-0006","feeBasis":"","fees":"不收费","kind":"immediate","legalBasis":"《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）","materials":["居民身份证","户口簿"],"name":"城乡居民基本养老保险参保登记","priorityAllowed":true,"promisedWorkingDays":0,"queue":"general","scope":"district","typicalServiceMinutes":8},{"authority":"township","category":"公共服务","code":"370199-GG-0007","feeBasis":"","fees":"不收费","kind":"immediate","legalBasis":"《中华人民共和国社会保险法》第二十五条","materials":["居民身份证","户口簿"],"name":"城乡居民基本医疗保险参保登记","priorityAllowed":true,"promisedWorkingDays":0,"queue":"general","scope":"district","typicalServiceMinutes":8},{"authority":"township","category":"公共服务","code":"370199-GG-0015","feeBasis":"","fees":"不收费","kind":"immediate","legalBasis":"《中华人民共和国户口登记条例》","materials":["居民身份证","户口簿"],"name":"户籍证明开具","priorityAllowed":true,"promisedWorkingDays":0,"queue":"general","scope":"district","typicalServiceMinutes":5},{"authority":"township","category":"行政给付","code":"370199-JF-0020","feeBasis":"","fees":"不收费","kind":"promised","legalBasis":"《社会救助暂行办法》第十一条","materials":["居民身份证","户口簿","家庭经济状况核对授权书","收入及财产状况声明"],"name":"最低生活保障申请","priorityAllowed":true,"promisedWorkingDays":30,"queue":"general","scope":"district","typicalServiceMinutes":20},{"authority":"township","category":"行政给付","code":"370199-JF-0023","feeBasis":"","fees":"不收费","kind":"promised","legalBasis":"《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）","materials":["居民身份证","户口簿","中华人民共和国残疾人证","银行卡"],"name":"困难残疾人生活补贴和重度残疾人护理补贴申请","priorityAllowed":true,"promisedWorkingDays":20,"queue":"general","scope":"district","typicalServiceMinutes":15},{"authority":"township","category":"行政给付","code":"370199-JF-0028","feeBasis":"","fees":"不收费","kind":"promised","legalBasis":"《殡葬管理条例》","materials":["逝者居民死亡医学证明","火化证明","申领人居民身份证","银行卡"],"name":"惠民殡葬补贴申领","priorityAllowed":true,"promisedWorkingDays":10,"queue":"general","scope":"district","typicalServiceMinutes":10},{"authority":"township","category":"公共服务","code":"370199-GG-0030","feeBasis":"","fees":"不收费","kind":"immediate","legalBasis":"《国务院关于加快推进全国一体化在线政务服务平台建设的指导意见》（国发〔2018〕27号）","materials":["收件回执单","居民身份证"],"name":"办件结果领取（统一出件）","priorityAllowed":true,"promisedWorkingDays":0,"queue":"general","scope":"hall","typicalServiceMinutes":3}],"name":"和平村便民服务站","queues":[{"id":"general","name":"综合服务","prefix":"A"}],"rules":{"evaluationTimeoutMinutes":1,"idleWindowLimitMinutes":5,"noShowTimeoutMinutes":8,"overflowThreshold":8,"priorityAgingLimitMinutes":20,"reactivationWindowMinutes":30,"recallLimit":3,"serviceTimeSmoothing":0.2,"waitingTargetMinutes":20},"windows":[{"kind":"general","name":"综合服务","number":1,"profile":{"entries":[{"onlyWhenNoDedicatedWindowOpen":false,"onlyWhenOldestWaitsAtLeastMinutes":null,"queue":"general","weight":1.0}]}},{"kind":"general","name":"帮办代办","number":2,"profile":{"entries":[{"onlyWhenNoDedicatedWindowOpen":false,"onlyWhenOldestWaitsAtLeastMinutes":10,"queue":"general","weight":1.0}]}}]}','{"caseNumberDay":null,"cases":[],"day":"2026-12-03","lastCaseSequence":0,"lastSequence":{},"nextCaseId":1,"nextTicketId":1,"notice":"","open":true,"serviceSecondsEwma":{},"tickets":[],"windows":[{"awaitingEvaluation":null,"clerk":null,"current":null,"number":1,"pauseReason":"","pinned":null,"profile":{"entries":[{"onlyWhenNoDedicatedWindowOpen":false,"onlyWhenOldestWaitsAtLeastMinutes":null,"queue":"general","weight":1.0}]},"since":0,"state":"closed"},{"awaitingEvaluation":null,"clerk":null,"current":null,"number":2,"pauseReason":"","pinned":null,"profile":{"entries":[{"onlyWhenNoDedicatedWindowOpen":false,"onlyWhenOldestWaitsAtLeastMinutes":10,"queue":"general","weight":1.0}]},"since":0,"state":"closed"}]}');
CREATE TABLE ticket (
        id               INTEGER PRIMARY KEY,
        day              TEXT    NOT NULL,
        number           TEXT    NOT NULL,
        item             TEXT    NOT NULL,
        queue            TEXT    NOT NULL,
        channel          TEXT    NOT NULL,
        priority         TEXT    NOT NULL,
        state            TEXT    NOT NULL,
        window_no        INTEGER,
        clerk            TEXT,
        issued_ms        INTEGER NOT NULL,
        called_ms        INTEGER,
        started_ms       INTEGER,
        ended_ms         INTEGER,
        recalls          INTEGER NOT NULL,
        evaluation       TEXT    NOT NULL,
        rating           TEXT,
        transferred_from INTEGER,
        transferred_to   INTEGER,
        request_key      TEXT    NOT NULL,
        last_seq         INTEGER NOT NULL   -- the journal row that last changed it
      );
INSERT INTO ticket VALUES(1,'2026-12-03','A001','370199-GG-0001','general','kiosk','normal','completed',1,'v01',1796320470352,1796320470509,1796320470530,1796320470548,0,'requested',NULL,NULL,NULL,'ctl-197d9704ba3198f6',8);
INSERT INTO ticket VALUES(2,'2026-12-03','A002','370199-GG-0001','general','kiosk','normal','waiting',NULL,NULL,1796320470372,NULL,NULL,NULL,0,'none',NULL,NULL,NULL,'ctl-4b6c0d41cb10e74d',3);
CREATE TABLE audit_log (
        row    INTEGER PRIMARY KEY,
        at_ms  INTEGER NOT NULL,
        client TEXT NOT NULL,
        role   TEXT NOT NULL,
        clerk  TEXT NOT NULL,
        type   TEXT NOT NULL,
        body   TEXT NOT NULL,
        ok     INTEGER NOT NULL,
        result TEXT NOT NULL,
        hash   TEXT NOT NULL
      );
INSERT INTO audit_log VALUES(1,1796320470335,'dispatcher','system','','open_day','{"date":"2026-12-03"}',1,'ok','59100db1fef0c35cef3982f32dd08e5017df30e401e8a3ef81b7e26a3f7140c0');
INSERT INTO audit_log VALUES(2,1796320470352,'loopback:jiujinctl','kiosk','','issue_ticket','{"appointmentSlot":null,"case":null,"channel":"kiosk","item":"370199-GG-0001","priority":"normal","requestKey":"ctl-197d9704ba3198f6"}',1,'ok','6f5e5d2d0e370c243506e21baee2b6e556057d39b4217f8350d89de383126503');
INSERT INTO audit_log VALUES(3,1796320470372,'loopback:jiujinctl','kiosk','','issue_ticket','{"appointmentSlot":null,"case":null,"channel":"kiosk","item":"370199-GG-0001","priority":"normal","requestKey":"ctl-4b6c0d41cb10e74d"}',1,'ok','00f7fb9bab71eea6863c64456b180bbe8d3fe3365b24612ac36c94d0e47b5d2d');
INSERT INTO audit_log VALUES(4,1796320470464,'loopback:jiujinctl','console','v01','clerk_login','{"clerk":"v01","pin":"***","window":1}',1,'ok','a1ed48392e505281942050f0dc2d1c3a70a00190115b5098149efb3776d89437');
INSERT INTO audit_log VALUES(5,1796320470489,'loopback:jiujinctl','console','v01','open_window','{"window":1}',1,'ok','3c7d5faacd7a05f15e3b74c9632d59fe8da1a91742af42f30fd6d1decf9d8cae');
INSERT INTO audit_log VALUES(6,1796320470509,'loopback:jiujinctl','console','v01','call_next','{"window":1}',1,'ok','a3a150c8afcbf59bcb54c45e11b62ab8375657a7d764ba7891d600722249b438');
INSERT INTO audit_log VALUES(7,1796320470530,'loopback:jiujinctl','console','v01','start_service','{"window":1}',1,'ok','ed77594372687aea195d4fe5d17efe9d54cef040069db70ebcd4ff1c9c4f7d68');
INSERT INTO audit_log VALUES(8,1796320470548,'loopback:jiujinctl','console','v01','complete','{"window":1}',1,'ok','e301d9ffab4e251dd544217fcfce27f9e0e71531486a47d3ef9755f919439c63');
CREATE TABLE alarms (
        id              INTEGER PRIMARY KEY,
        at_ms           INTEGER NOT NULL,
        kind            TEXT NOT NULL,
        zh              TEXT NOT NULL,
        en              TEXT NOT NULL,
        ticket          INTEGER,
        window_number   INTEGER,
        device          TEXT NOT NULL DEFAULT '',
        queue           TEXT NOT NULL DEFAULT '',
        acked_at_ms     INTEGER,
        acked_by        TEXT,
        follow_up       TEXT,            -- NULL, 'open' or 'closed'
        follow_up_note  TEXT NOT NULL DEFAULT '',
        closed_at_ms    INTEGER,
        closed_by       TEXT
      , case_number TEXT NOT NULL DEFAULT '');
CREATE TABLE reply (
        key   TEXT PRIMARY KEY,   -- client name, newline, request id
        at_ms INTEGER NOT NULL,
        text  TEXT NOT NULL       -- the reply frame as sent
      );
INSERT INTO reply VALUES(replace('loopback:jiujinctl\n699f6057-1','\n',char(10)),1796320470352,'{"id":"699f6057-1","ok":true,"result":{"events":[{"at":1796320470352,"seq":2,"ticket":{"appointmentSlot":null,"arrivalAt":1796320470352,"calledAt":null,"case":null,"channel":"kiosk","clerk":null,"endedAt":null,"evaluation":"none","history":[{"at":1796320470352,"note":"取号","state":"waiting","window":null}],"id":1,"issuedAt":1796320470352,"item":"370199-GG-0001","note":"","number":"A001","priority":"normal","queue":"general","rating":null,"recalls":0,"requestKey":"ctl-197d9704ba3198f6","sequence":1,"startedAt":null,"state":"waiting","targetKind":null,"targetWindow":null,"transferredFrom":null,"transferredTo":null,"window":null},"type":"ticket.issued"}],"people_ahead":0,"seq":2,"ticket":{"appointmentSlot":null,"arrivalAt":1796320470352,"calledAt":null,"case":null,"channel":"kiosk","clerk":null,"endedAt":null,"evaluation":"none","history":[{"at":1796320470352,"note":"取号","state":"waiting","window":null}],"id":1,"issuedAt":1796320470352,"item":"370199-GG-0001","note":"","number":"A001","priority":"normal","queue":"general","rating":null,"recalls":0,"requestKey":"ctl-197d9704ba3198f6","sequence":1,"startedAt":null,"state":"waiting","targetKind":null,"targetWindow":null,"transferredFrom":null,"transferredTo":null,"window":null},"token":"AAAAAAABdrcQF_TtGP1Cvs2Aupex","wait_s":0},"v":1}');
INSERT INTO reply VALUES(replace('loopback:jiujinctl\n89f1f9e6-1','\n',char(10)),1796320470372,'{"id":"89f1f9e6-1","ok":true,"result":{"events":[{"at":1796320470372,"seq":3,"ticket":{"appointmentSlot":null,"arrivalAt":1796320470372,"calledAt":null,"case":null,"channel":"kiosk","clerk":null,"endedAt":null,"evaluation":"none","history":[{"at":1796320470372,"note":"取号","state":"waiting","window":null}],"id":2,"issuedAt":1796320470372,"item":"370199-GG-0001","note":"","number":"A002","priority":"normal","queue":"general","rating":null,"recalls":0,"requestKey":"ctl-4b6c0d41cb10e74d","sequence":2,"startedAt":null,"state":"waiting","targetKind":null,"targetWindow":null,"transferredFrom":null,"transferredTo":null,"window":null},"type":"ticket.issued"}],"people_ahead":1,"seq":3,"ticket":{"appointmentSlot":null,"arrivalAt":1796320470372,"calledAt":null,"case":null,"channel":"kiosk","clerk":null,"endedAt":null,"evaluation":"none","history":[{"at":1796320470372,"note":"取号","state":"waiting","window":null}],"id":2,"issuedAt":1796320470372,"item":"370199-GG-0001","note":"","number":"A002","priority":"normal","queue":"general","rating":null,"recalls":0,"requestKey":"ctl-4b6c0d41cb10e74d","sequence":2,"startedAt":null,"state":"waiting","targetKind":null,"targetWindow":null,"transferredFrom":null,"transferredTo":null,"window":null},"token":"AAAAAAACZv0-XnfY4bKJW0UobKqE","wait_s":600},"v":1}');
INSERT INTO reply VALUES(replace('loopback:jiujinctl\n722f1238-1','\n',char(10)),1796320470464,'{"id":"722f1238-1","ok":true,"result":{"events":[{"at":1796320470464,"clerk":"v01","seq":4,"type":"window.clerk_logged_in","window":1}],"seq":4},"v":1}');
INSERT INTO reply VALUES(replace('loopback:jiujinctl\n7bf19dc1-1','\n',char(10)),1796320470489,'{"id":"7bf19dc1-1","ok":true,"result":{"events":[{"at":1796320470489,"seq":5,"type":"window.opened","window":1}],"seq":5},"v":1}');
INSERT INTO reply VALUES(replace('loopback:jiujinctl\nfbeb75e8-1','\n',char(10)),1796320470509,'{"id":"fbeb75e8-1","ok":true,"result":{"events":[{"at":1796320470509,"explanation":"A001 在综合服务队列已等候 0 分钟，是本窗口所服务队列中加权等候最久的号","reason":"longest_weighted_wait","seq":6,"ticket":1,"type":"ticket.called","window":1}],"seq":6,"ticket":{"appointmentSlot":null,"arrivalAt":1796320470352,"calledAt":1796320470509,"case":null,"channel":"kiosk","clerk":null,"endedAt":null,"evaluation":"none","history":[{"at":1796320470352,"note":"取号","state":"waiting","window":null},{"at":1796320470509,"note":"A001 在综合服务队列已等候 0 分钟，是本窗口所服务队列中加权等候最久的号","state":"called","window":1}],"id":1,"issuedAt":1796320470352,"item":"370199-GG-0001","note":"","number":"A001","priority":"normal","queue":"general","rating":null,"recalls":0,"requestKey":"ctl-197d9704ba3198f6","sequence":1,"startedAt":null,"state":"called","targetKind":null,"targetWindow":null,"transferredFrom":null,"transferredTo":null,"window":1}},"v":1}');
INSERT INTO reply VALUES(replace('loopback:jiujinctl\n23fb2c80-1','\n',char(10)),1796320470530,'{"id":"23fb2c80-1","ok":true,"result":{"events":[{"at":1796320470530,"seq":7,"ticket":1,"type":"ticket.service_started","window":1}],"seq":7,"ticket":{"appointmentSlot":null,"arrivalAt":1796320470352,"calledAt":1796320470509,"case":null,"channel":"kiosk","clerk":"v01","endedAt":null,"evaluation":"none","history":[{"at":1796320470352,"note":"取号","state":"waiting","window":null},{"at":1796320470509,"note":"A001 在综合服务队列已等候 0 分钟，是本窗口所服务队列中加权等候最久的号","state":"called","window":1},{"at":1796320470530,"note":"开始办理","state":"serving","window":1}],"id":1,"issuedAt":1796320470352,"item":"370199-GG-0001","note":"","number":"A001","priority":"normal","queue":"general","rating":null,"recalls":0,"requestKey":"ctl-197d9704ba3198f6","sequence":1,"startedAt":1796320470530,"state":"serving","targetKind":null,"targetWindow":null,"transferredFrom":null,"transferredTo":null,"window":1}},"v":1}');
INSERT INTO reply VALUES(replace('loopback:jiujinctl\n84f55ca3-1','\n',char(10)),1796320470548,'{"id":"84f55ca3-1","ok":true,"result":{"events":[{"at":1796320470548,"seq":8,"ticket":1,"type":"ticket.completed","window":1}],"seq":8,"ticket":{"appointmentSlot":null,"arrivalAt":1796320470352,"calledAt":1796320470509,"case":null,"channel":"kiosk","clerk":"v01","endedAt":1796320470548,"evaluation":"requested","history":[{"at":1796320470352,"note":"取号","state":"waiting","window":null},{"at":1796320470509,"note":"A001 在综合服务队列已等候 0 分钟，是本窗口所服务队列中加权等候最久的号","state":"called","window":1},{"at":1796320470530,"note":"开始办理","state":"serving","window":1},{"at":1796320470548,"note":"办结","state":"completed","window":1}],"id":1,"issuedAt":1796320470352,"item":"370199-GG-0001","note":"","number":"A001","priority":"normal","queue":"general","rating":null,"recalls":0,"requestKey":"ctl-197d9704ba3198f6","sequence":1,"startedAt":1796320470530,"state":"completed","targetKind":null,"targetWindow":null,"transferredFrom":null,"transferredTo":null,"window":1}},"v":1}');
CREATE TABLE cases (
        id            INTEGER PRIMARY KEY,
        number        TEXT NOT NULL UNIQUE,
        item          TEXT NOT NULL,
        state         TEXT NOT NULL,
        channel       TEXT NOT NULL,
        window_no     INTEGER NOT NULL,
        clerk         TEXT,
        registered_ms INTEGER NOT NULL,
        due_date      TEXT,              -- YYYY-MM-DD, the promised date
        decided_day   TEXT,              -- YYYY-MM-DD
        on_time       INTEGER,           -- 1 or 0 once decided
        closed_ms     INTEGER,           -- collected or rejected
        anonymised    INTEGER NOT NULL DEFAULT 0,
        last_seq      INTEGER NOT NULL,
        body          TEXT NOT NULL      -- the case as protocol JSON, applicant included
      );
CREATE INDEX journal_by_ticket ON journal(ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX ticket_by_day ON ticket(day);
CREATE INDEX alarms_open ON alarms(acked_at_ms, follow_up);
CREATE INDEX journal_by_day_type ON journal(day, type);
CREATE INDEX cases_by_state ON cases(state, id);
CREATE INDEX cases_by_item ON cases(item, id);
CREATE INDEX cases_by_clerk ON cases(clerk, id);
CREATE INDEX cases_by_window ON cases(window_no, id);
CREATE INDEX cases_by_due ON cases(due_date, id);
CREATE INDEX cases_by_state_due ON cases(state, due_date, id);
CREATE INDEX cases_by_decided ON cases(decided_day);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
COMMIT;
PRAGMA user_version = 5;
