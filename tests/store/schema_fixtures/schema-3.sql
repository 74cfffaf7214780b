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
INSERT INTO journal VALUES(1,'2026-12-03',1796286985585,'day.opened',NULL,NULL,'{"at":1796286985585,"date":"2026-12-03","type":"day.opened"}');
INSERT INTO journal VALUES(2,'2026-12-03',1796286985684,'ticket.issued',1,NULL,'{"at":1796286985684,"ticket":{"appointmentSlot":null,"arrivalAt":1796286985684,"calledAt":null,"channel":"kiosk","clerk":null,"endedAt":null,"evaluation":"none","history":[{"at":1796286985684,"note":"取号","state":"waiting","window":null}],"id":1,"issuedAt":1796286985684,"item":"370199-GG-0001","note":"","number":"A001","priority":"normal","queue":"general","rating":null,"recalls":0,"requestKey":"ctl-257f1811c1941d86","sequence":1,"startedAt":null,"state":"waiting","targetKind":null,"targetWindow":null,"transferredFrom":null,"transferredTo":null,"window":null},"type":"ticket.issued"}');
INSERT INTO journal VALUES(3,'2026-12-03',1796286985731,'ticket.issued',2,NULL,'{"at":1796286985731,"ticket":{"appointmentSlot":null,"arrivalAt":1796286985731,"calledAt":null,"channel":"kiosk","clerk":null,"endedAt":null,"evaluation":"none","history":[{"at":1796286985731,"note":"取号","state":"waiting","window":null}],"id":2,"issuedAt":1796286985731,"item":"370199-GG-0001","note":"","number":"A002","priority":"normal","queue":"general","rating":null,"recalls":0,"requestKey":"ctl-082c9f3234a3648d","sequence":2,"startedAt":null,"state":"waiting","targetKind":null,"targetWindow":null,"transferredFrom":null,"transferredTo":null,"window":null},"type":"ticket.issued"}');
INSERT INTO journal VALUES(4,'2026-12-03',1796286986503,'window.clerk_logged_in',NULL,1,'{"at":1796286986503,"clerk":"v01","type":"window.clerk_logged_in","window":1}');
INSERT INTO journal VALUES(5,'2026-12-03',1796286986618,'window.opened',NULL,1,'{"at":1796286986618,"type":"window.opened","window":1}');
INSERT INTO journal VALUES(6,'2026-12-03',1796286986795,'ticket.called',1,1,'{"at":1796286986795,"explanation":"A001 在综合服务队列已等候 0 分钟，是本窗口所服务队列中加权等候最久的号","reason":"longest_weighted_wait","ticket":1,"type":"ticket.called","window":1}');
INSERT INTO journal VALUES(7,'2026-12-03',1796286986903,'ticket.service_started',1,1,'{"at":1796286986903,"ticket":1,"type":"ticket.service_started","window":1}');
INSERT INTO journal VALUES(8,'2026-12-03',1796286986940,'ticket.completed',1,1,'{"at":1796286986940,"ticket":1,"type":"ticket.completed","window":1}');
CREATE TABLE snapshot (
        seq        INTEGER PRIMARY KEY,  -- the state after journal row `seq`
        day        TEXT,
        at_ms      INTEGER NOT NULL,
        definition TEXT    NOT NULL,     -- HallDefinition JSON in force
        state      TEXT    NOT NULL      -- HallState JSON
      );
INSERT INTO snapshot VALUES(1,'2026-12-03',1796286985585,'{"calendar":{"coveredYears":[2026],"holidays":["2026-01-01","2026-01-02","2026-01-03","2026-02-15","2026-02-16","2026-02-17","2026-02-18","2026-02-19","2026-02-20","2026-02-21","2026-02-22","2026-02-23","2026-04-04","2026-04-05","2026-04-06","2026-05-01","2026-05-02","2026-05-03","2026-05-04","2026-05-05","2026-06-19","2026-06-20","2026-06-21","2026-09-25","2026-09-26","2026-09-27","2026-10-01","2026-10-02","2026-10-03","2026-10-04","2026-10-05","2026-10-06","2026-10-07"],"makeUpWorkdays":["2026-01-04","2026-02-14","2026-02-28","2026-05-09","2026-09-20","2026-10-10"],"weekend":[6,7]},"cases":{"correctionTimeCounts":false,"dueSoonWorkingDays":1,"numberPrefix":"370199101201"},"items":[{"authority":"township","category":"公共服务","code":"370199-GG-0001","feeBasis":"","fees":"不收费","kind":"immediate","legalBasis":"《中华人民共和国人口与计划生育法》第二十条","materials":["夫妻双方居民身份证","户口簿","结婚证"],"name":"生育服务登记","priorityAllowed":true,"promisedWorkingDays":0,"queue":"general","scope":"district","typicalServiceMinutes":10},{"authority":"township","category":"行政给付","code":"370199-JF-0002","feeBasis":"","fees":"不收费","kind":"promised","legalBasis":"《山东省人口与计划生育条例》第三十一条","materials":["申请人居民身份证","户口簿","独生子女父母光荣证","本人社会保障卡或银行卡"],"name":"独生子女父母关怀抚恤金申领","priorityAllowed":true,"promisedWorkingDays":15,"queue":"general","scope":"district","typicalServiceMinutes":15},{"authority":"township","category":"行政给付","code":"370199-JF-0003","feeBasis":"","fees":"不收费","kind":"promised","legalBasis":"《中华人民共和国老年人权益保障法》第三十三条","materials":["老年人居民身份证","户口簿","本人社会保障卡或银行卡","代办时提供委托书及代办人身份证"],"name":"高龄津贴申领","priorityAllowed":true,"promisedWorkingDays":10,"queue":"general","scope":"district","typicalServiceMinutes":10},{"authority":"township","category":"公共服务","code":"370199-GG-0004","feeBasis":"","fees":"不收费","kind":"immediate","legalBasis":"《就业服务与就业管理规定》（人力资源社会保障部令第23号）第六十二条","materials":["居民身份证","解除或终止劳动合同证明（失业登记时）"],"name":"就业失业登记","priorityAllowed":true,"promisedWorkingDays":0,"queue":"general","scope":"district","typicalServiceMinutes":10},{"authority":"township","category":"公共服务","code":"370199-GG-0005","feeBasis":"","fees":"不收费","kind":"promised","legalBasis":"《中华人民共和国老年人权益保障法》第五十七条","materials":["居民身份证","户口簿","近期一寸免冠彩色照片"],"name":"老年优待证办理","priorityAllowed":true,"promisedWorkingDays":5,"queue":"general","scope":"city","typicalServiceMinutes":8},{"authority":"township","category":"公共服务","code":"370199-GG-0006","feeBasis":"","fees":"不收费","kind":"immediate","legalBasis":"《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）","materials":["居民身份证","户口簿"],"name":"城乡居民基本养老保险参保登记","priorityAllowed":true,"promisedWorkingDays":0,"queue":"general","scope":"district","typicalServiceMinutes":8},{"authority":"township","category":"公共服务","code":"370199-GG-0007","feeBasis":"","fees":"不收费","kind":"immediate","legalBasis":"《中华人民共和国社会保险法》第二十五条","materials":["居民身份证","户口簿"],"name":"城乡居民基本医疗保险参保登记","priorityAllowed":true,"promisedWorkingDays":0,"queue":"general","scope":"district","typicalServiceMinutes":8},{"authority":"township","category":"公共服务","code":"370199-GG-0015","feeBasis":"","fees":"不收费","kind":"immediate","legalBasis":"《中华人民共和国户口登记条例》","materials":["居民身份证","户口簿"],"name":"户籍证明开具","priorityAllowed":true,"promisedWorkingDays":0,"queue":"general","scope":"district","typicalServiceMinutes":5},{"authority":"township","category":"行政给付","code":"370199-JF-0020","feeBasis":"","fees":"不收费","kind":"promised","legalBasis":"《社会救助暂行办法》第十一条","materials":["居民身份证","户口簿","家庭经济状况核对授权书","收入及财产状况声明"],"name":"最低生活保障申请","priorityAllowed":true,"promisedWorkingDays":30,"queue":"general","scope":"district","typicalServiceMinutes":20},{"authority":"township","category":"行政给付","code":"370199-JF-0023","feeBasis":"","fees":"不收费","kind":"promised","legalBasis":"《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）","materials":["居民身份证","户口簿","中华人民共和国残疾人证","银行卡"],"name":"困难残疾人生活补贴和重度残疾人护理补贴申请","priorityAllowed":true,"promisedWorkingDays":20,"queue":"general","scope":"district","typicalServiceMinutes":15},{"authority":"township","category":"行政给付","code":"370199-JF-0028","feeBasis":"","fees":"不收费","kind":"promised","legalBasis":"《殡葬管理条例》","materials":["逝者居民死亡医学证明","火化证明","申领人居民身份证","银行卡"],"name":"惠民殡葬补贴申领","priorityAllowed":true,"promisedWorkingDays":10,"queue":"general","scope":"district","typicalServiceMinutes":10},{"authority":"township","category":"公共服务","code":"370199-GG-0030","feeBasis":"","fees":"不收费","kind":"immediate","legalBasis":"《国务院关于加快推进全国一体化在线政务服务平台建设的指导意见》（国发〔2018〕27号）","materials":["收件回执单","居民身份证"],"name":"办件结果领取（统一出件）","priorityAllowed":true,"promisedWorkingDays":0,"queue":"general","scope":"hall","typicalServiceMinutes":3}],"name":"和平村便民服务站","queues":[{"id":"general","name":"综合服务","prefix":"A"}],"rules":{"evaluationTimeoutMinutes":1,"idleWindowLimitMinutes":5,"noShowTimeoutMinutes":8,"overflowThreshold":8,"priorityAgingLimitMinutes":20,"reactivationWindowMinutes":30,"recallLimit":3,"serviceTimeSmoothing":0.2,"waitingTargetMinutes":20},"windows":[{"kind":"general","name":"综合服务","number":1,"profile":{"entries":[{"onlyWhenNoDedicatedWindowOpen":false,"onlyWhenOldestWaitsAtLeastMinutes":null,"queue":"general","weight":1.0}]}},{"kind":"general","name":"帮办代办","number":2,"profile":{"entries":[{"onlyWhenNoDedicatedWindowOpen":false,"onlyWhenOldestWaitsAtLeastMinutes":10,"queue":"general","weight":1.0}]}}]}','{"caseNumberDay":null,"cases":[],"day":"2026-12-03","lastCaseSequence":0,"lastSequence":{},"nextCaseId":1,"nextTicketId":1,"notice":"","open":true,"serviceSecondsEwma":{},"tickets":[],"windows":[{"awaitingEvaluation":null,"clerk":null,"current":null,"number":1,"pauseReason":"","pinned":null,"profile":{"entries":[{"onlyWhenNoDedicatedWindowOpen":false,"onlyWhenOldestWaitsAtLeastMinutes":null,"queue":"general","weight":1.0}]},"since":0,"state":"closed"},{"awaitingEvaluation":null,"clerk":null,"current":null,"number":2,"pauseReason":"","pinned":null,"profile":{"entries":[{"onlyWhenNoDedicatedWindowOpen":false,"onlyWhenOldestWaitsAtLeastMinutes":10,"queue":"general","weight":1.0}]},"since":0,"state":"closed"}]}');
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
INSERT INTO ticket VALUES(1,'2026-12-03','A001','370199-GG-0001','general','kiosk','normal','completed',1,'v01',1796286985684,1796286986795,1796286986903,1796286986940,0,'requested',NULL,NULL,NULL,'ctl-257f1811c1941d86',8);
INSERT INTO ticket VALUES(2,'2026-12-03','A002','370199-GG-0001','general','kiosk','normal','waiting',NULL,NULL,1796286985731,NULL,NULL,NULL,0,'none',NULL,NULL,NULL,'ctl-082c9f3234a3648d',3);
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
INSERT INTO audit_log VALUES(1,1796286985585,'dispatcher','system','','open_day','{"date":"2026-12-03"}',1,'ok','29f0a76513354832767590e7d62f02287d178c97c0d152d8b2837e3e7a31ae39');
INSERT INTO audit_log VALUES(2,1796286985684,'loopback:jiujinctl','kiosk','','issue_ticket','{"appointmentSlot":null,"channel":"kiosk","item":"370199-GG-0001","priority":"normal","requestKey":"ctl-257f1811c1941d86"}',1,'ok','c647fed53ddd9c927661d1edc4b39f9a3870a4b71524a22704d09dc53c124b84');
INSERT INTO audit_log VALUES(3,1796286985731,'loopback:jiujinctl','kiosk','','issue_ticket','{"appointmentSlot":null,"channel":"kiosk","item":"370199-GG-0001","priority":"normal","requestKey":"ctl-082c9f3234a3648d"}',1,'ok','5c45ed214343c0d579f87fd4107c9496d5805670d3cf3a95dca7a0e0e9829535');
INSERT INTO audit_log VALUES(4,1796286986503,'loopback:jiujinctl','console','v01','clerk_login','{"clerk":"v01","pin":"***","window":1}',1,'ok','43be9c459c862f4dfb4a7ee3fd30e832bcc469e706a8cdde35d71caab1760bbe');
INSERT INTO audit_log VALUES(5,1796286986618,'loopback:jiujinctl','console','v01','open_window','{"window":1}',1,'ok','a11375eb24af2d36f53ce599c6c4b9baceb6b7f27431c31dc39e29d2814541be');
INSERT INTO audit_log VALUES(6,1796286986795,'loopback:jiujinctl','console','v01','call_next','{"window":1}',1,'ok','7d08073a7540d4d77cb79501b73828a0cd09046f3c6e9426dd4591b1335ee8fc');
INSERT INTO audit_log VALUES(7,1796286986903,'loopback:jiujinctl','console','v01','start_service','{"window":1}',1,'ok','95ebeec301cbd1a067a8ea3eec89d015527415d4f92f7ab20dc2e60326b8250b');
INSERT INTO audit_log VALUES(8,1796286986940,'loopback:jiujinctl','console','v01','complete','{"window":1}',1,'ok','a83c95ce36eab0c2aa33b19730733969172f1afd6cf57d2f62fdae4892f844e7');
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
      );
CREATE TABLE reply (
        key   TEXT PRIMARY KEY,   -- client name, newline, request id
        at_ms INTEGER NOT NULL,
        text  TEXT NOT NULL       -- the reply frame as sent
      );
INSERT INTO reply VALUES(replace('loopback:jiujinctl\n88090431-1','\n',char(10)),1796286985684,'{"id":"88090431-1","ok":true,"result":{"events":[{"at":1796286985684,"seq":2,"ticket":{"appointmentSlot":null,"arrivalAt":1796286985684,"calledAt":null,"channel":"kiosk","clerk":null,"endedAt":null,"evaluation":"none","history":[{"at":1796286985684,"note":"取号","state":"waiting","window":null}],"id":1,"issuedAt":1796286985684,"item":"370199-GG-0001","note":"","number":"A001","priority":"normal","queue":"general","rating":null,"recalls":0,"requestKey":"ctl-257f1811c1941d86","sequence":1,"startedAt":null,"state":"waiting","targetKind":null,"targetWindow":null,"transferredFrom":null,"transferredTo":null,"window":null},"type":"ticket.issued"}],"people_ahead":0,"seq":2,"ticket":{"appointmentSlot":null,"arrivalAt":1796286985684,"calledAt":null,"channel":"kiosk","clerk":null,"endedAt":null,"evaluation":"none","history":[{"at":1796286985684,"note":"取号","state":"waiting","window":null}],"id":1,"issuedAt":1796286985684,"item":"370199-GG-0001","note":"","number":"A001","priority":"normal","queue":"general","rating":null,"recalls":0,"requestKey":"ctl-257f1811c1941d86","sequence":1,"startedAt":null,"state":"waiting","targetKind":null,"targetWindow":null,"transferredFrom":null,"transferredTo":null,"window":null},"wait_s":0},"v":1}');
INSERT INTO reply VALUES(replace('loopback:jiujinctl\n35254232-1','\n',char(10)),1796286985731,'{"id":"35254232-1","ok":true,"result":{"events":[{"at":1796286985731,"seq":3,"ticket":{"appointmentSlot":null,"arrivalAt":1796286985731,"calledAt":null,"channel":"kiosk","clerk":null,"endedAt":null,"evaluation":"none","history":[{"at":1796286985731,"note":"取号","state":"waiting","window":null}],"id":2,"issuedAt":1796286985731,"item":"370199-GG-0001","note":"","number":"A002","priority":"normal","queue":"general","rating":null,"recalls":0,"requestKey":"ctl-082c9f3234a3648d","sequence":2,"startedAt":null,"state":"waiting","targetKind":null,"targetWindow":null,"transferredFrom":null,"transferredTo":null,"window":null},"type":"ticket.issued"}],"people_ahead":1,"seq":3,"ticket":{"appointmentSlot":null,"arrivalAt":1796286985731,"calledAt":null,"channel":"kiosk","clerk":null,"endedAt":null,"evaluation":"none","history":[{"at":1796286985731,"note":"取号","state":"waiting","window":null}],"id":2,"issuedAt":1796286985731,"item":"370199-GG-0001","note":"","number":"A002","priority":"normal","queue":"general","rating":null,"recalls":0,"requestKey":"ctl-082c9f3234a3648d","sequence":2,"startedAt":null,"state":"waiting","targetKind":null,"targetWindow":null,"transferredFrom":null,"transferredTo":null,"window":null},"wait_s":600},"v":1}');
INSERT INTO reply VALUES(replace('loopback:jiujinctl\n29d00067-1','\n',char(10)),1796286986503,'{"id":"29d00067-1","ok":true,"result":{"events":[{"at":1796286986503,"clerk":"v01","seq":4,"type":"window.clerk_logged_in","window":1}],"seq":4},"v":1}');
INSERT INTO reply VALUES(replace('loopback:jiujinctl\n6dce938e-1','\n',char(10)),1796286986618,'{"id":"6dce938e-1","ok":true,"result":{"events":[{"at":1796286986618,"seq":5,"type":"window.opened","window":1}],"seq":5},"v":1}');
INSERT INTO reply VALUES(replace('loopback:jiujinctl\n94d857dc-1','\n',char(10)),1796286986795,'{"id":"94d857dc-1","ok":true,"result":{"events":[{"at":1796286986795,"explanation":"A001 在综合服务队列已等候 0 分钟，是本窗口所服务队列中加权等候最久的号","reason":"longest_weighted_wait","seq":6,"ticket":1,"type":"ticket.called","window":1}],"seq":6,"ticket":{"appointmentSlot":null,"arrivalAt":1796286985684,"calledAt":1796286986795,"channel":"kiosk","clerk":null,"endedAt":null,"evaluation":"none","history":[{"at":1796286985684,"note":"取号","state":"waiting","window":null},{"at":1796286986795,"note":"A001 在综合服务队列已等候 0 分钟，是本窗口所服务队列中加权等候最久的号","state":"called","window":1}],"id":1,"issuedAt":1796286985684,"item":"370199-GG-0001","note":"","number":"A001","priority":"normal","queue":"general","rating":null,"recalls":0,"requestKey":"ctl-257f1811c1941d86","sequence":1,"startedAt":null,"state":"called","targetKind":null,"targetWindow":null,"transferredFrom":null,"transferredTo":null,"window":1}},"v":1}');
INSERT INTO reply VALUES(replace('loopback:jiujinctl\nbcc8a787-1','\n',char(10)),1796286986903,'{"id":"bcc8a787-1","ok":true,"result":{"events":[{"at":1796286986903,"seq":7,"ticket":1,"type":"ticket.service_started","window":1}],"seq":7,"ticket":{"appointmentSlot":null,"arrivalAt":1796286985684,"calledAt":1796286986795,"channel":"kiosk","clerk":"v01","endedAt":null,"evaluation":"none","history":[{"at":1796286985684,"note":"取号","state":"waiting","window":null},{"at":1796286986795,"note":"A001 在综合服务队列已等候 0 分钟，是本窗口所服务队列中加权等候最久的号","state":"called","window":1},{"at":1796286986903,"note":"开始办理","state":"serving","window":1}],"id":1,"issuedAt":1796286985684,"item":"370199-GG-0001","note":"","number":"A001","priority":"normal","queue":"general","rating":null,"recalls":0,"requestKey":"ctl-257f1811c1941d86","sequence":1,"startedAt":1796286986903,"state":"serving","targetKind":null,"targetWindow":null,"transferredFrom":null,"transferredTo":null,"window":1}},"v":1}');
INSERT INTO reply VALUES(replace('loopback:jiujinctl\ncf85cb05-1','\n',char(10)),1796286986940,'{"id":"cf85cb05-1","ok":true,"result":{"events":[{"at":1796286986940,"seq":8,"ticket":1,"type":"ticket.completed","window":1}],"seq":8,"ticket":{"appointmentSlot":null,"arrivalAt":1796286985684,"calledAt":1796286986795,"channel":"kiosk","clerk":"v01","endedAt":1796286986940,"evaluation":"requested","history":[{"at":1796286985684,"note":"取号","state":"waiting","window":null},{"at":1796286986795,"note":"A001 在综合服务队列已等候 0 分钟，是本窗口所服务队列中加权等候最久的号","state":"called","window":1},{"at":1796286986903,"note":"开始办理","state":"serving","window":1},{"at":1796286986940,"note":"办结","state":"completed","window":1}],"id":1,"issuedAt":1796286985684,"item":"370199-GG-0001","note":"","number":"A001","priority":"normal","queue":"general","rating":null,"recalls":0,"requestKey":"ctl-257f1811c1941d86","sequence":1,"startedAt":1796286986903,"state":"completed","targetKind":null,"targetWindow":null,"transferredFrom":null,"transferredTo":null,"window":1}},"v":1}');
CREATE INDEX journal_by_ticket ON journal(ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX ticket_by_day ON ticket(day);
CREATE INDEX alarms_open ON alarms(acked_at_ms, follow_up);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
COMMIT;
PRAGMA user_version = 3;
