/**
 * What the dossiers module's refusals say (the problem's `detail`), in the three interface languages. The state
 * machine's denials (`dossiers.policy.ts`) and the use cases' rules take their sentence from here, so that a counter
 * officer reads in Vietnamese why the button did nothing.
 */
import type { LocalizedText } from '../../platform/errors.ts';

/** Denials of the state machine (`decide`): why an action is not possible now, or not for this caller. */
export const DOSSIER_DENIALS = {
  noHandOffWaiting: { vi: 'Không có bước nào đang chờ tiếp nhận bàn giao', en: 'no hand-off waiting for acceptance', fr: 'aucune transmission n’attend d’être acceptée' },
  returnStepByReturn: { vi: 'Bước trả kết quả được thực hiện bằng thao tác «Trả kết quả»', en: 'the return step is taken with return-result', fr: 'l’étape de remise se fait par « Remettre le résultat »' },
  acceptNeedsStepRole: { vi: 'Chỉ cán bộ giữ vai trò của bước này tại đơn vị xử lý bước mới tiếp nhận được', en: 'accepting this step needs the role of the step on its unit', fr: 'accepter cette étape exige le rôle de l’étape dans son unité' },
  stepMustBeActive: { vi: 'Phải tiếp nhận bước hiện tại trước khi hoàn thành', en: 'the current step must be accepted (active) to complete it', fr: 'l’étape en cours doit être acceptée avant d’être terminée' },
  resultReadyOnLastStep: { vi: 'Chỉ bước xử lý cuối cùng mới chuyển hồ sơ sang «có kết quả»', en: 'result-ready applies to the last processing step', fr: '« résultat prêt » ne s’applique qu’à la dernière étape de traitement' },
  approvalStepByLeader: { vi: 'Bước phê duyệt do lãnh đạo đơn vị hoàn thành', en: 'an approval step is completed by a unit leader (approve)', fr: 'une étape d’approbation est terminée par un responsable de l’unité' },
  completeNeedsStepRole: { vi: 'Chỉ cán bộ giữ vai trò của bước này tại đơn vị xử lý bước mới hoàn thành được', en: 'completing this step needs the role of the step on its unit', fr: 'terminer cette étape exige le rôle de l’étape dans son unité' },
  nothingToApprove: { vi: 'Hiện không có gì để phê duyệt', en: 'nothing to approve now', fr: 'rien à approuver pour l’instant' },
  notAnApprovalStep: { vi: 'Bước hiện tại không phải bước phê duyệt', en: 'the current step is not an approval step', fr: 'l’étape en cours n’est pas une étape d’approbation' },
  approvalNeedsLeader: { vi: 'Phê duyệt cần quyền lãnh đạo tại đơn vị của bước', en: 'approval needs dossiers.approve on the step unit', fr: 'l’approbation exige le droit d’approuver dans l’unité de l’étape' },
  nothingToSendBack: { vi: 'Không có bước nào để trả lại', en: 'nothing to send back', fr: 'rien à renvoyer' },
  noPreviousStep: { vi: 'Không có bước xử lý trước đó để trả lại', en: 'no previous processing step to send back to', fr: 'aucune étape de traitement précédente à laquelle renvoyer' },
  sendBackNeedsStepRole: { vi: 'Trả lại bước trước cần vai trò của bước hiện tại', en: 'sending back needs the role of the current step', fr: 'renvoyer exige le rôle de l’étape en cours' },
  supplementFromRunning: { vi: 'Chỉ yêu cầu bổ sung đối với hồ sơ đã tiếp nhận hoặc đang giải quyết', en: 'a supplement is requested from a received or in-process dossier', fr: 'un complément se demande pour un dossier reçu ou en cours de traitement' },
  supplementNeedsRole: { vi: 'Yêu cầu bổ sung cần quyền xử lý tại đơn vị của bước hoặc quyền tiếp nhận tại nơi tiếp nhận', en: 'requesting a supplement needs dossiers.process on the step unit or dossiers.receive at the reception point', fr: 'demander un complément exige le droit de traiter dans l’unité de l’étape ou de recevoir au guichet de réception' },
  noSupplementAwaited: { vi: 'Hồ sơ không ở trạng thái chờ bổ sung', en: 'no supplement is awaited', fr: 'aucun complément n’est attendu' },
  supplementAtReception: { vi: 'Hồ sơ bổ sung do cán bộ một cửa tại nơi tiếp nhận nhận', en: 'the supplement is received by a counter officer of the reception point', fr: 'le complément est reçu par un agent du guichet de réception' },
  suspendInProcessOnly: { vi: 'Chỉ tạm dừng để chờ cơ quan khác đối với hồ sơ đang giải quyết', en: 'only an in-process dossier is paused for another agency', fr: 'seul un dossier en cours de traitement peut être suspendu pour un autre organisme' },
  suspendNeedsRole: { vi: 'Tạm dừng cần quyền xử lý tại đơn vị của bước', en: 'pausing needs dossiers.process on the step unit', fr: 'suspendre exige le droit de traiter dans l’unité de l’étape' },
  notSuspended: { vi: 'Hồ sơ không ở trạng thái tạm dừng chờ cơ quan khác', en: 'the dossier is not paused for another agency', fr: 'le dossier n’est pas suspendu pour un autre organisme' },
  resumeNeedsRole: { vi: 'Tiếp tục xử lý cần quyền xử lý tại đơn vị của bước', en: 'resuming needs dossiers.process on the step unit', fr: 'reprendre exige le droit de traiter dans l’unité de l’étape' },
  extendOpenOnly: { vi: 'Chỉ gia hạn hồ sơ đang giải quyết', en: 'only an open dossier is extended', fr: 'seul un dossier ouvert peut être prolongé' },
  extendByLeader: { vi: 'Việc gia hạn do lãnh đạo cơ quan có thẩm quyền quyết định', en: 'an extension is decided by a leader of the competent authority', fr: 'une prolongation est décidée par un responsable de l’autorité compétente' },
  apologizeOpenOnly: { vi: 'Chỉ lập phiếu xin lỗi và hẹn lại đối với hồ sơ đang giải quyết', en: 'only an open dossier gets an apology and a new appointment', fr: 'seul un dossier ouvert reçoit des excuses et un nouveau rendez-vous' },
  apologizeOnce: { vi: 'Mỗi hồ sơ chỉ được hẹn lại ngày trả kết quả một lần', en: 'the appointment may be re-set at most once', fr: 'le rendez-vous ne peut être reporté qu’une fois' },
  apologizeByLeader: { vi: 'Phiếu xin lỗi do lãnh đạo cơ quan có thẩm quyền ký', en: 'the apology is signed by a leader of the competent authority', fr: 'la lettre d’excuses est signée par un responsable de l’autorité compétente' },
  refuseRunningOnly: { vi: 'Chỉ từ chối giải quyết hồ sơ đã tiếp nhận hoặc đang giải quyết', en: 'only a received or in-process dossier is refused on the merits', fr: 'seul un dossier reçu ou en cours de traitement peut être refusé sur le fond' },
  refuseNeedsRole: { vi: 'Từ chối giải quyết cần quyền xử lý hoặc phê duyệt tại đơn vị của bước', en: 'refusing needs dossiers.process or dossiers.approve on the step unit', fr: 'refuser exige le droit de traiter ou d’approuver dans l’unité de l’étape' },
  resultNotReady: { vi: 'Hồ sơ chưa có kết quả', en: 'the result is not ready', fr: 'le résultat n’est pas prêt' },
  returnAtReturningPoint: { vi: 'Kết quả do cán bộ một cửa tại nơi trả kết quả trả cho người nộp', en: 'the result is returned by a counter officer of the returning point', fr: 'le résultat est remis par un agent du guichet de remise' },
  notCollectedAtReturningPoint: { vi: 'Việc ghi nhận chưa nhận kết quả do cán bộ một cửa tại nơi trả kết quả thực hiện', en: 'recorded by a counter officer of the returning point', fr: 'enregistré par un agent du guichet de remise' },
  withdrawOpenOnly: { vi: 'Chỉ rút hồ sơ đang giải quyết', en: 'only an open dossier can be withdrawn', fr: 'seul un dossier ouvert peut être retiré' },
  withdrawNeedsRole: { vi: 'Việc rút hồ sơ được ghi nhận tại nơi tiếp nhận hoặc bởi cơ quan có thẩm quyền', en: 'a withdrawal is recorded at the reception point or by the competent authority', fr: 'un retrait s’enregistre au guichet de réception ou par l’autorité compétente' },
  cancelOpenOnly: { vi: 'Chỉ dừng giải quyết hồ sơ đang giải quyết', en: 'only an open dossier can be stopped', fr: 'seul un dossier ouvert peut être arrêté' },
  cancelByLeader: { vi: 'Việc dừng giải quyết do lãnh đạo cơ quan có thẩm quyền quyết định', en: 'stopping a dossier is decided by a leader of the competent authority', fr: 'l’arrêt d’un dossier est décidé par un responsable de l’autorité compétente' },
} as const satisfies Record<string, LocalizedText>;

/** The use cases' own rules and conflicts. */
export const DOSSIER_REFUSALS = {
  unitDoesNotImplement: { vi: 'Cơ quan có thẩm quyền không thực hiện thủ tục này', en: 'the competent unit does not implement this procedure', fr: 'l’autorité compétente ne met pas en œuvre cette procédure' },
  procedureNotActive: { vi: 'Thủ tục không còn hiệu lực vào ngày tiếp nhận (đang tạm dừng, đã bãi bỏ hoặc chưa công bố)', en: 'the procedure is not in force on this date (suspended, abolished or not yet published)', fr: 'la procédure n’est pas en vigueur à cette date (suspendue, abrogée ou pas encore publiée)' },
  onlineLacksDocument: { vi: 'Hồ sơ trực tuyến còn thiếu giấy tờ bắt buộc: hãy từ chối tiếp nhận và nêu lý do', en: 'an online dossier lacks a required document: refuse it with a reason instead', fr: 'une demande en ligne manque d’une pièce obligatoire : refusez-la en indiquant le motif' },
  noCurrentStep: { vi: 'Hồ sơ không có bước đang xử lý', en: 'the dossier has no current step', fr: 'le dossier n’a pas d’étape en cours' },
  staleVersion: { vi: 'Hồ sơ {code} vừa được người khác cập nhật (phiên bản {current}, bạn đang xem {sent}); hãy tải lại', en: 'dossier {code} is at version {current}, not {sent}', fr: 'le dossier {code} est à la version {current}, pas {sent} ; rechargez' },
  changedMeanwhile: { vi: 'Hồ sơ {code} vừa được người khác cập nhật; hãy tải lại', en: 'dossier {code} changed meanwhile', fr: 'le dossier {code} a été modifié entre-temps ; rechargez' },
  dueUnknownWhilePaused: { vi: 'Hồ sơ đang tạm dừng nên chưa xác định được hạn; hãy tiếp tục xử lý trước', en: 'the due moment is not known while the clock is paused; resume first', fr: 'l’échéance n’est pas connue tant que le délai est suspendu ; reprenez d’abord' },
  apologyTooLate: { vi: 'Phiếu xin lỗi phải được lập chậm nhất một ngày làm việc trước hạn trả kết quả ({due}), tức là trước {latest}', en: 'the apology must be issued at least one working day before the due moment ({due}), i.e. by {latest}', fr: 'la lettre d’excuses doit être émise au moins un jour ouvré avant l’échéance ({due}), soit avant {latest}' },
  newAppointmentTooEarly: { vi: 'Ngày hẹn mới phải sau hạn giải quyết và ngày hẹn hiện tại', en: 'the new appointment must be after the current due moment and appointment', fr: 'le nouveau rendez-vous doit être postérieur à l’échéance et au rendez-vous actuels' },
  noSuchStep: { vi: 'Hồ sơ không có bước này', en: 'no such step', fr: 'cette étape n’existe pas' },
  settingsGlobalOnly: { vi: 'Cấu hình hồ sơ áp dụng cho toàn hệ thống: chỉ quản trị viên hệ thống được thay đổi', en: 'the dossier settings are installation-wide: only a global administrator changes them', fr: 'les réglages des dossiers valent pour toute l’installation : seul un administrateur global les modifie' },
  settingsChanged: { vi: 'Cấu hình hồ sơ đã được thay đổi từ phiên bản {version}; hãy tải lại', en: 'dossier settings changed since version {version}', fr: 'les réglages des dossiers ont changé depuis la version {version} ; rechargez' },
  onlineNotGranted: { vi: 'Tài khoản người nộp không được cấp quyền này tại nơi tiếp nhận', en: 'the applicant’s account is not granted this at the reception point', fr: 'le compte du demandeur n’a pas ce droit au guichet de réception' },
  digitisingNeedsRole: { vi: 'Số hoá cần quyền tiếp nhận tại nơi tiếp nhận hoặc quyền xử lý tại cơ quan có thẩm quyền', en: 'digitising needs dossiers.receive at the reception point or dossiers.process at the competent authority', fr: 'numériser exige le droit de recevoir au guichet de réception ou de traiter dans l’autorité compétente' },
  closedNoMoreScans: { vi: 'Hồ sơ đã rút hoặc đã dừng giải quyết: không nhận thêm bản quét', en: 'the dossier was withdrawn or stopped: no more scans', fr: 'le dossier a été retiré ou arrêté : plus de numérisation' },
  documentNotReceived: { vi: 'Giấy tờ này chưa được tiếp nhận nên không có gì để số hoá', en: 'this document was not received: there is nothing to digitise', fr: 'cette pièce n’a pas été reçue : rien à numériser' },
  resultWhileProcessing: { vi: 'Chỉ đính kèm kết quả khi hồ sơ đã vào xử lý và chưa bị rút hoặc dừng', en: 'a result is attached once processing has started and before a withdrawal or stop', fr: 'un résultat se joint une fois le traitement commencé et avant un retrait ou un arrêt' },
  scanFirst: { vi: 'Hãy tải lên bản quét của giấy tờ này trước', en: 'upload a scan of this document first', fr: 'téléversez d’abord un scan de cette pièce' },
} as const satisfies Record<string, LocalizedText>;
