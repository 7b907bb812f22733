# ortak — Türkçe (varsayılan dil)

## /start
start-private =
    Merhaba { $name }! Ben ortak.
    Ağınızın numaralı toplantılarını birlikte yürütmeniz için buradayım: davetleri gönderir, katılım yanıtlarını toplarım; ev sahipliği sırasını, yoklamayı, tutanakları ve görevleri takip eder, hatırlatmaları zamanında iletirim.
    Artık size özel mesajla da yazabilirim. Kullanabileceğiniz komutlar için /help yazın.
start-group =
    Merhaba! Ben ortak; bu ağın toplantılarını, davetlerini ve hatırlatmalarını yürütürüm.
    Komutlar için /help yazın. Hatırlatmaları özel mesajla almak isterseniz bana doğrudan yazıp /start göndermeniz yeterli.

## /help
help-header = <b>Kullanabileceğiniz komutlar</b>
help-footer = Dil seçmek için: /lang tr veya /lang en

## Komut menüsü açıklamaları
cmd-start = Tanıtım ve başlangıç
cmd-help = Kullanabileceğiniz komutlar
cmd-lang = Dil seçimi (tr / en)

## /lang
lang-usage =
    Kullanım: /lang tr veya /lang en
    Şu anki diliniz: { $current }
lang-changed = Tamam, bundan sonra sizinle Türkçe konuşacağım.
lang-name-tr = Türkçe
lang-name-en = İngilizce

## Genel
error-generic = Bir sorun çıktı ve isteğiniz tamamlanamadı. Lütfen biraz sonra yeniden deneyin.
unhandled-private = Bunu anlayamadım. Kullanabileceğiniz komutlar için /help, toplantıların listesi için /meetings yazın. Bir davete yanıt vermek için davet kartındaki düğmelere basabilir ya da kartı yanıtlayarak “katılıyorum” gibi yazabilirsiniz.
unhandled-command = { $command } diye bir komut tanımıyorum. Komutların listesi için /help yazın.
callback-stale = Bu düğme artık geçerli değil.

## Ağ ve yetki
not-linked = Bu sohbet henüz bir ağa bağlı değil. Grubun yöneticisi /setup <ağ adı> yazarak yeni bir ağ kurabilir; mevcut bir ağın koordinatörü olan grup yöneticileri de /link <ağ kodu> ile bu sohbeti o ağa bağlayabilir.
not-member-anywhere = Henüz hiçbir ağın üyesi değilsiniz. Ağınızın grubunda /join yazın ya da koordinatörünüzün paylaştığı ağa katılma bağlantısını açın.
organisers-only = Bu komutu yalnızca ağın koordinatörleri kullanabilir.
name-empty = Ad boş olamaz.
name-too-long = Bu ad en fazla { $max } karakter olabilir; yazdığınız ad { $length } karakter.
text-empty = Bu alan boş bırakılamaz.
text-too-long = Bu metin en fazla { $max } karakter olabilir; yazdığınız metin { $length } karakter.
short-name-too-long = Kısa ad en fazla { $max } karakter olabilir; yazdığınız kısa ad { $length } karakter.

## /setup ve /link
cmd-setup = Bu grupta yeni bir ağ kurun
cmd-link = Bu sohbeti bir ağa bağlayın
cmd-network = Ağın ayarları
cmd-network-set = Ağ ayarlarını değiştirin
setup-usage = Kullanım: /setup <ağ adı>
    Örnek: /setup İzmir KDM İş Birliği Ağı
setup-group-only = /setup bir grupta kullanılır: beni ağın toplantılarını yürüteceğim gruba ekleyip orada yazın.
setup-admins-only = Ağı yalnızca bu grubun yöneticileri kurabilir.
setup-already = Bu sohbet zaten “{ $network }” ağına bağlı. Ayarlar için /network yazın.
setup-done =
    “{ $network }” ağı kuruldu ve bu sohbet ağa bağlandı. Artık bu ağın koordinatörüsünüz.
    { $code }
    Sıradaki adımlar: /network_set next_number 25 ile toplantı numarasını ayarlayın, /org_add ile kurumları ekleyin.
link-usage = Kullanım: /link <ağ kodu> (harf ve rakamlardan oluşan 8 karakterlik kod; koordinatörler kodu bana özel mesajla /network yazarak görebilir)
link-group-only = /link bir grupta ya da bir konu başlığında kullanılır.
link-unknown-code = Bu ağ koduna sahip bir ağ bulamadım. Kodu bana özel mesajla /network yazarak kontrol edin; kod yenilendiyse eskisi artık geçerli değildir.
link-done = Bu sohbet “{ $network }” ağına bağlandı.
link-done-topic = Bu konu başlığı “{ $network }” ağına bağlandı; ağın mesajları buraya gelecek.

## /network
network-usage = Kullanım: /network
network-settings =
    <b>{ $name }</b>
    Toplantıların genel başlığı: { $title }
    Saat dilimi: { $timezone }
    Dil: { $language }
    Sıradaki toplantı numarası: { $next }
    Bağlı sohbetler: { $chats }
    Saklama süresi: { $retention } ay (daha eski toplantıların yanıt ve yoklama kayıtları anonimleştirilir)
network-set-usage =
    Kullanım: /network_set <ayar> <değer>
    Ayarlar: title (toplantıların genel başlığı), timezone (ör. Europe/Istanbul), language (tr ya da en), next_number (ör. 25), quiet_hours (özel hatırlatmaların gönderilmediği saatler, ör. 21:00-09:00; kaldırmak için yok), retention_months (yanıtların kaç ay sonra anonimleştirileceği, 1–120), join_code new (yeni ağ kodu ve ağa katılma bağlantısı; eskileri hemen geçersiz olur)
network-set-done = { $key } güncellendi: { $before } → { $after }
network-set-bad-timezone = Bu geçerli bir saat dilimi değil. IANA adını yazın, örneğin: Europe/Istanbul
network-set-bad-language = Dil olarak tr ya da en yazın.
network-set-bad-quiet-hours = Sessiz saatleri başlangıç-bitiş olarak yazın, örneğin 21:00-09:00; kaldırmak için “yok” yazın.
network-set-bad-number = Sıradaki toplantı numarası 1 ya da daha büyük bir tam sayı olmalıdır, örneğin: 25
network-set-number-taken = Toplantı numaraları yeniden kullanılmaz: bu ağda { $last }. toplantı zaten var, bu yüzden sıradaki numara en az { $min } olmalıdır.

## Kurumlar
cmd-orgs = Ağdaki kurumlar
cmd-org-add = Kurum ekleyin
cmd-org-edit = Kurum bilgilerini değiştirin
cmd-org-remove = Bir kurumu kaldırın
org-add-usage =
    Kullanım: /org_add <ad> | <kısa ad>
    Örnek: /org_add Buca Belediyesi Kadın Danışma Merkezi | Buca KDM
org-added = Kurum eklendi: { $name } ({ $short }). Ev sahipliği sıralamasında { $position }. sırada.
org-duplicate-name = Bu ağda “{ $name }” adlı bir kurum zaten var (kısa adı: { $short }).
org-duplicate-short = “{ $short }” kısa adı zaten “{ $name }” için kullanılıyor.
orgs-usage = Kullanım: /orgs
orgs-empty = Bu ağda henüz kurum yok. Koordinatörler /org_add ile ekleyebilir.
orgs-header = <b>{ $network }: kurumlar</b>
orgs-line = { $n }. { $name } (<b>{ $short }</b>), { $kind }, { $hosting }
orgs-can-host = ev sahipliği yapabilir
orgs-cannot-host = ev sahipliği yapmıyor
org-kind-municipality = belediye
org-kind-association = dernek
org-kind-other = diğer
org-not-found = “{ $short }” kısa adlı bir kurum bulamadım. Liste için /orgs yazın.
org-edit-usage =
    Kullanım: /org_edit <kısa ad> <alan> <değer>
    Alanlar: name (ad), short_name (kısa ad), kind (municipality, association, other), can_host (evet/hayır), venue (toplantı yeri), address (adres), accessibility (erişilebilirlik notu)
    Örnek: /org_edit Buca KDM venue Buca1923 Mevlana Kafe
org-edit-bad-kind = Kurum türü olarak municipality (belediye), association (dernek) ya da other (diğer) yazın.
org-edit-bad-yes-no = can_host için evet ya da hayır yazın.
org-edited = { $short } güncellendi ({ $field }).
org-remove-usage = Kullanım: /org_remove <kısa ad>
org-remove-has-members = { $short } kaldırılamaz: bu kurumda { $count } üye var. Önce üyeleri başka bir kuruma taşıyın.
org-removed = Kurum kaldırıldı: { $name }

## Üyeler
cmd-join = Kurumunuzu seçin
cmd-whoami = Kurumunuz ve rolünüz
join-usage = Kullanım: /join
join-no-organisations = Bu ağda henüz kurum yok; koordinatörler /org_add ile kurumları ekledikten sonra /join yazın.
join-choose =
    Hangi kurumdansınız? Aşağıdan seçin.
    Hatırlatmaları özel mesajla almak için şu bağlantıyı açıp Başlat’a basın: { $link }
join-chosen = Kurumunuz: { $organisation }
whoami-usage = Kullanım: /whoami
whoami =
    Ağ: { $network }
    Kurum: { $organisation }
    Rol: { $role }
whoami-no-organisation = henüz seçilmedi (/join ile seçebilirsiniz)
role-organiser = koordinatör
role-member = üye

## /audit
cmd-audit = Koordinatörlerin son işlemleri
audit-usage = Kullanım: /audit [adet], adet 1 ile { $max } arasında olmalı (ör. /audit 20)
audit-empty = Henüz kayıtlı bir işlem yok.
audit-header = <b>Son { $count } işlem</b>
audit-line = { $when }: { $actor } · { $action } · { $subject } { $change }

## Üye yönetimi ve ağa katılma bağlantısı
cmd-members = Üyeler (kurumlara göre)
cmd-organiser-add = Koordinatör ekleyin
cmd-organiser-remove = Bir kişinin koordinatörlüğünü kaldırın
cmd-member-set-org = Bir üyenin kurumunu değiştirin
join-link-unknown = Bu ağa katılma bağlantısı geçerli değil. Koordinatörünüzden güncel bağlantıyı isteyin ya da ağın grubunda /join yazın.
join-link-welcome = Merhaba { $name }! “{ $network }” ağına katıldınız; bundan sonra hatırlatmaları size özel mesajla gönderebilirim.
join-link-choose = Hangi kurumdansınız? Aşağıdan seçin.
members-usage = Kullanım: /members
members-header = <b>{ $network }: üyeler ({ $count })</b>
members-no-organisation = Kurum seçmeyenler
members-line = • { $name }{ $username }: { $role }, { $reach }
members-reachable = özel mesajla ulaşılabiliyor
members-unreachable = özel mesajla ulaşılamıyor
member-unknown = Bu kişiyi ağın üyeleri arasında bulamadım. Kişinin ağın grubunda en az bir mesaj yazmış olması gerekir; komutu onun bir mesajını yanıtlayarak ya da @kullanıcıadı ile yeniden deneyin.
organiser-add-usage = Kullanım: kişinin bir mesajını yanıtlayarak /organiser_add ya da /organiser_add @kullanıcıadı
organiser-add-done = { $name } artık koordinatör.
organiser-add-unchanged = { $name } zaten koordinatör.
organiser-remove-usage = Kullanım: kişinin bir mesajını yanıtlayarak /organiser_remove ya da /organiser_remove @kullanıcıadı
organiser-remove-done = { $name } artık koordinatör değil.
organiser-remove-unchanged = { $name } zaten koordinatör değil.
organiser-last = Ağın son koordinatörü kaldırılamaz. Önce başka birini /organiser_add ile koordinatör yapın.
member-set-org-usage = Kullanım: kişinin bir mesajını yanıtlayarak /member_set_org <kısa ad> ya da /member_set_org @kullanıcıadı <kısa ad>
member-set-org-done = { $name } artık { $organisation } üyesi.

## Toplantılar
cmd-meetings = Yaklaşan ve son toplantılar
cmd-meeting = Bir toplantının ayrıntıları: /meeting 25
cmd-meeting-new = Yeni bir toplantı oluşturun
cmd-meeting-edit = Toplantı bilgilerini değiştirin
meeting-new-usage =
    Kullanım: /meeting_new <tarih> <saat> | <yer> | <gündem maddeleri, ; ile ayrılmış>
    Örnek: /meeting_new 17 Mart 2027 10:00 | Buca1923 Mevlana Kafe | Mevzuat ve Strateji; Güç İlişkileri; Savunuculuk Dili
meeting-created = ✅ { $number }. toplantı oluşturuldu. Lütfen bilgileri kontrol edin:
meeting-created-check = Bir yanlışlık görürseniz /meeting_edit { $number } ile düzeltebilir, tarihi /reschedule { $number } ile değiştirebilirsiniz. Ayrıntılar için /meeting { $number } yazın.
meetings-usage = Kullanım: /meetings
meetings-empty = Bu ağda henüz toplantı yok. Koordinatörler /meeting_new ile oluşturabilir.
meetings-upcoming = <b>Yaklaşan</b>
meetings-past = <b>Son toplantılar</b>
meeting-line = { $number }. toplantı: { $when }, { $venue } ({ $status })
meeting-usage = Kullanım: /meeting <numara>, örneğin /meeting 25
meeting-unknown = Bu ağda { $number } numaralı bir toplantı yok. Liste için /meetings yazın.
meeting-heading = <b>{ $number }. Toplantı</b>: { $title }
meeting-when = Tarih: { $when }
meeting-venue = Yer: { $venue }
meeting-venue-none = henüz belli değil
meeting-address = Adres: { $address }
meeting-online = Çevrim içi: { $link }
meeting-host = Ev sahibi: { $host }
meeting-host-none = henüz belli değil
meeting-facilitators = Kolaylaştırıcılar: { $names }
meeting-deadline = Son yanıt tarihi: { $when }
meeting-capacity = Kontenjan: { $capacity } kişi
meeting-status = Durum: { $status }
meeting-agenda = <b>Gündem</b>
meeting-status-planned = planlandı
meeting-status-invited = davet gönderildi
meeting-status-cancelled = iptal edildi
meeting-status-held = yapıldı
meeting-edit-usage =
    Kullanım: /meeting_edit <numara> <alan> <değer>
    Alanlar (İngilizce ya da Türkçe adıyla): title ya da başlık, venue ya da yer, address ya da adres (kaldırmak için yok), agenda ya da gündem (; ile ayrılmış), facilitators ya da kolaylaştırıcılar (; ile ayrılmış), duration ya da süre (saat olarak 5 ya da 4,5; dakika olarak 90dk), capacity ya da kontenjan (kişi sayısı ya da yok), deadline ya da son_yanıt (tarih ve saat ya da yok), online_link ya da bağlantı (bağlantı ya da yok)
meeting-edited =
    ✏️ { $number }. toplantı güncellendi: { $field }
    Eski: { $before }
    Yeni: { $after }
meeting-field-title = başlık
meeting-field-venue = yer
meeting-field-address = adres
meeting-field-agenda = gündem
meeting-field-facilitators = kolaylaştırıcılar
meeting-field-duration = süre
meeting-field-capacity = kontenjan
meeting-field-deadline = son yanıt tarihi
meeting-field-online-link = çevrim içi bağlantı
meeting-value-none = belirtilmemiş
meeting-value-people = { $count } kişi
meeting-edit-cancelled = Bu toplantı iptal edildi; iptal edilen bir toplantı değiştirilemez.
meeting-edit-bad-duration = Süreyi saat olarak (ör. 5 ya da 4,5) ya da dakika olarak (ör. 90dk) yazın; süre 30 dakika ile 12 saat arasında olmalıdır.
meeting-edit-bad-capacity = Kontenjan 1 ya da daha büyük bir sayı olmalıdır; kaldırmak için “yok” yazın.
meeting-edit-deadline-after-start = Son yanıt tarihi toplantıdan sonra olamaz.
meeting-edit-bad-link = Bağlantı http:// ya da https:// ile başlamalıdır; kaldırmak için “yok” yazın.
date-format = Tarihi ve saati anlayamadım. Şu biçimlerden birini kullanın: 17.03.2027 10:00, 17 Mart 2027 Çarşamba, 10:00, 17 Mart saat 10'da, yarın 10:00 ya da haftaya salı 14:00
date-impossible-date = Takvimde böyle bir gün yok (ör. 31 Şubat). Tarihi kontrol edin; örnek: 17.03.2027 10:00
date-impossible-time = Böyle bir saat yok; saat 00:00 ile 23:59 arasında olmalıdır, örneğin 10:00
date-nonexistent-time = Bu saat, yaz saati değişikliği yüzünden o gün yerel saatte yok. Bir saat sonrasını seçin.
date-past = Bu tarih geçmişte kaldı. İleri bir tarih yazın; örnek: 17.03.2027 10:00
date-wrong-weekday = Yazdığınız gün adı tarihle uyuşmuyor. Tarihi ve gün adını kontrol edin ya da gün adını hiç yazmayın; örnek: 17 Mart 2027 Çarşamba, 10:00
date-ambiguous-time = Bu saat iki türlü anlaşılabilir: 2, hem 02:00 hem 14:00 olabilir. Lütfen 24 saat biçiminde yazın (14:00 ya da 02:00) veya “öğleden sonra 2” deyin.
date-ambiguous-date = Yazdığınız gün adı bugünün adı; bugünü mü, gelecek haftayı mı kastettiğiniz belli değil. “bugün 14:00”, “haftaya salı 14:00” ya da 17.03.2027 14:00 gibi yazın.
date-range = Burada tek bir tarih ve saat yazın, saat aralığı değil; örnek: 17 Mart 2027 Çarşamba, 10:00. Toplantının süresini /meeting_edit <numara> duration ile ayrıca değiştirebilirsiniz.
date-end-before-start = Bitiş saati başlangıçtan sonra olmalıdır; örnek: 17 Mart 2027 Çarşamba, 10:00–15:00
agenda-empty = Gündemde en az bir madde olmalı; maddeleri ; ile ayırın.
agenda-too-many = Gündemde en fazla { $max } madde olabilir.
agenda-item-too-long = Bir gündem maddesi en fazla { $max } karakter olabilir.
agenda-too-long = Gündem tek bir Telegram mesajına sığmalı: maddelerin toplamı en fazla { $max } karakter olabilir.
cmd-reschedule = Bir toplantıyı başka bir tarihe taşıyın
cmd-cancel = Bir toplantıyı iptal edin
reschedule-usage =
    Kullanım: /reschedule <numara> <tarih> <saat>
    Örnek: /reschedule 25 24 Mart 2027 10:00
reschedule-unchanged = Toplantı zaten bu tarih ve saatte.
meeting-held = Bu toplantının zamanı geçti; tarihi artık değiştirilemez ve toplantı iptal edilemez.
rescheduled = { $number }. toplantı yeni tarihine taşındı: { $when }.
rescheduled-announced = { $number }. toplantı yeni tarihine taşındı: { $when }. Duyuru bağlı sohbetlere gönderiliyor.
reschedule-announcement =
    📅 <b>{ $number }. toplantının tarihi değişti.</b>
    Eski: { $before }
    Yeni: { $after }
cancel-usage =
    Kullanım: /cancel <numara> [gerekçe]
    Örnek: /cancel 25 Salon kullanılamıyor
cancel-already = Bu toplantı zaten iptal edilmiş.
cancelled = { $number }. toplantı iptal edildi. Bu numara bir daha kullanılmayacak.
cancelled-announced = { $number }. toplantı iptal edildi; duyuru bağlı sohbetlere gönderiliyor. Bu numara bir daha kullanılmayacak.
cancel-confirm =
    <b>{ $number }. toplantıyı iptal etmek istediğinize emin misiniz?</b>
    { $title } · { $when }
cancel-confirm-announce = Bağlı sohbetlere iptal duyurusu gönderilir ve davet kartlarında toplantının iptal edildiği belirtilir. { $coming ->
        [0] Şu ana kadar katılacağını ya da katılabileceğini bildiren olmadı.
       *[other] Şu ana kadar { $coming } kişi katılacağını ya da katılabileceğini bildirdi.
    }
cancel-confirm-quiet = Davet henüz gönderilmediği için bağlı sohbetlere duyuru gitmez.
cancel-confirm-reason = Gerekçe: { $reason }
cancel-confirm-final = İptal geri alınamaz; { $number } numarası bir daha kullanılmaz.
cancel-confirm-button = ❌ Evet, iptal et
cancel-keep-button = Vazgeç
cancel-kept = İptalden vazgeçildi; { $number }. toplantı olduğu gibi duruyor.
cancel-announcement = ❌ <b>{ $number }. toplantı iptal edildi.</b>
cancel-announcement-reason =
    ❌ <b>{ $number }. toplantı iptal edildi.</b>
    Gerekçe: { $reason }
cmd-ics = Toplantıyı takviminize ekleyin (.ics)
ics-usage = Kullanım: /ics <numara>, örneğin /ics 25
ics-caption = { $number }. toplantı: takviminize eklemek için dosyayı açın.
ics-caption-cancelled = { $number }. toplantı iptal edildi: dosyayı açarsanız takviminizde de iptal görünür.
ics-summary = { $number }. Toplantı
ics-agenda = Gündem:
ics-facilitators = Kolaylaştırıcılar: { $names }
ics-cancelled = İptal edildi: { $reason }
cmd-invite = Davet kartını gruplara ve üyelere gönderin
invite-usage = Kullanım: /invite <numara>, örneğin /invite 25
invite-cancelled = { $number }. toplantı iptal edildi; iptal edilen bir toplantıya davet gönderilemez.
invite-already = { $number }. toplantının daveti daha önce gönderildi ({ $when }); kartlar yanıtlar geldikçe kendiliğinden güncelleniyor. Kartı gruplara yeniden göndermek isterseniz aşağıdaki düğmeye basın.
invite-repost-button = 🔁 Gruplara yeniden gönderilsin
invite-nowhere = Davet kartını hiçbir sohbete gönderemedim ve özel mesajla ulaşabildiğim bir üye de yok. Lütfen botun bağlı gruplarda mesaj gönderebildiğini kontrol edin.
ics-start-first = Takvim dosyasını size özel mesajla gönderebilmem için önce @{ $bot } ile sohbeti açıp Başlat’a basın.
ics-sent-private = Takvim dosyasını size özel mesajla gönderdim.
card-answers = <b>Yanıtlar</b>
card-no-answers = Henüz yanıt yok.
card-org-yes = { $people } kişi katılıyor ({ $answers } yanıt)
card-org-maybe = { $answers } kişi belki katılacak
card-org-waiting = { $answers } yanıt bekleme listesinde
card-no-organisation = Kurumu belirtilmemiş
card-more-organisations = …ve { $count } kurum daha
card-total = Toplam: { $people } kişi katılıyor · { $maybe } kişi belki katılacak · { $no } kişi katılamıyor
card-places-left = Kalan yer: { $left }
card-waitlist = Bekleme listesi: { $count }
card-cancelled = ❌ <b>İPTAL EDİLDİ</b>
card-cancel-reason = Gerekçe: { $reason }
card-closed = Yanıtlar kapandı.
card-how = Düğmelerle ya da bu mesajı yanıtlayarak yanıt verebilirsiniz; örneğin “katılıyorum”, “3 kişiyiz”, “belki” ya da “gelemiyorum” yazabilirsiniz.
card-yes = ✅ Katılıyorum
card-maybe = 🤔 Belki
card-no = ❌ Katılamıyorum
card-party = 👥 { $size } kişiyiz
card-ics = 📅 Takviminize ekleyin
rsvp-recorded-yes = Kaydedildi: katılıyorsunuz.
rsvp-recorded-party = Kaydedildi: { $size } kişi katılıyorsunuz.
rsvp-recorded-maybe = Kaydedildi: belki katılacaksınız.
rsvp-recorded-no = Kaydedildi: katılamıyorsunuz. Haber verdiğiniz için teşekkür ederiz.
rsvp-waitlisted = Kontenjan dolu; bekleme listesine alındınız ({ $position }. sıradasınız). Yer açılınca size özel mesajla haber vereceğim.
rsvp-full = Yeterli yer yok: en fazla { $left } kişilik yer kaldı. Önceki yanıtınız geçerli.
rsvp-unknown-meeting = Bu toplantı artık yok.
rsvp-cancelled = Bu toplantı iptal edildi; yanıt alınmıyor.
rsvp-closed = Bu toplantı için yanıtlar kapandı; artık yanıt verilemez ve verilen yanıtlar değiştirilemez.
rsvp-not-member = Yanıt verebilmek için önce ağa katılın: ağın grubunda /join yazın.
rsvp-bad-party-size = Kişi sayısı 1 ile 20 arasında olmalıdır.
rsvp-promoted = 🎉 Yer açıldı! { $number }. toplantıya katılımınız onaylandı ({ $size } kişi).
rsvp-reply-hint = Yanıtınızı anlayamadım, bu yüzden kaydetmedim. “katılıyorum”, “2 kişiyiz”, “belki” ya da “gelemiyorum” gibi yazın veya karttaki düğmeleri kullanın.
rsvp-usage =
    Kullanım: /rsvp <numara> evet|belki|hayır [kişi sayısı]
    Örnek: /rsvp 25 evet 2
cmd-rsvp = Bir toplantıya yanıt verin
cmd-rsvps = Yanıtları kurum kurum görün (isimlerle)
cmd-export = Yanıtları CSV dosyası olarak indirin
rsvps-usage = Kullanım: /rsvps <numara>, örneğin /rsvps 25
rsvps-heading = <b>{ $number }. Toplantı: yanıtlar</b>
rsvps-yes = katılıyor ({ $size } kişi)
rsvps-maybe = belki
rsvps-no = katılamıyor
rsvps-waitlisted = bekleme listesinde ({ $size } kişi)
rsvps-silent = Henüz yanıt vermeyen kurumlar: { $names }
export-usage = Kullanım: /export <numara>, örneğin /export 25
export-needs-totals = (destek ihtiyaçları: isimler olmadan toplam)
export-caption = { $number }. toplantının yanıtları ({ $count } yanıt; son satırda destek ihtiyaçlarının toplamı). Excel’de Türkçe harfler doğru görünür.
private-start-me = Bunu yalnızca özel mesajla gönderebilirim. Lütfen önce { $link } bağlantısını açıp Başlat’a basın, sonra komutu yeniden yazın.
private-sent = Size özel mesajla gönderdim; isimler yalnızca koordinatörlere gösterilir.
cmd-cancel-dialog = Süren adım adım işlemi iptal edin
dialog-cancelled = Tamam, işlemi iptal ettim; hiçbir şey kaydedilmedi.
dialog-none = Şu anda süren bir işlem yok.
dialog-meeting-date = Yeni toplantı hangi gün yapılacak? Örneğin 17.03.2027 ya da 17 Mart. Vazgeçmek için /cancel_dialog yazın.
dialog-meeting-date-placeholder = 17.03.2027
dialog-meeting-time = Toplantı saat kaçta başlayacak? Örneğin 10:00
dialog-meeting-time-placeholder = 10:00
dialog-meeting-venue = Toplantı nerede yapılacak? Lütfen yerin adını yazın.
dialog-meeting-venue-placeholder = Toplantı yeri
dialog-meeting-agenda = Gündem maddelerini ; ile ayırarak yazın. Örneğin: Açılış; Mevzuat ve Strateji; Değerlendirme
dialog-meeting-agenda-placeholder = Açılış; Değerlendirme
dialog-date-format = Tarihi anlayamadım. Şu biçimlerden birini kullanın: 17.03.2027, 17 Mart 2027, 17 Mart, yarın ya da haftaya salı
dialog-time-format = Saati anlayamadım; 10:00, 9.30, saat 10'da ya da öğleden sonra 2 gibi yazın.
reminder-before =
    ⏰ <b>Hatırlatma: { $number }. toplantı</b>
    Tarih: { $when }
    Yer: { $venue }
    Yanıtınız: { $answer }
reminder-answer-yes = katılıyorsunuz ({ $size } kişi)
reminder-answer-maybe = belki katılacaksınız
reminder-nudge = 📨 { $number }. toplantıya henüz yanıt vermediniz ({ $when }, { $venue }). Davet kartındaki düğmelerle ya da /rsvp { $number } evet|belki|hayır yazarak yanıt verebilirsiniz.
reminder-group-summary =
    📅 <b>Yaklaşan toplantı: { $number }. toplantı</b>
    Tarih: { $when }
    Yer: { $venue }
reminder-group-silent = 📨 { $number }. toplantıya ({ $when }) henüz yanıt vermeyen kurumlar: { $names }. Davet kartındaki düğmelerle yanıt verebilirsiniz.
reminder-organiser-summary =
    📋 <b>{ $number }. toplantının son yanıt tarihi geldi; yanıtlar kapandı.</b>
    Tarih: { $when }
    Yer: { $venue }
delivery-failed = ⚠️ { $what ->
    [card] { $number }. toplantının davet kartı bağlı bir sohbete gönderilemedi. Lütfen botun o grupta olduğunu ve mesaj yazabildiğini kontrol edin.
    [minutes] { $number }. toplantının tutanağı bir alıcıya gönderilemedi.
    [other] { $number }. toplantıyla ilgili bir mesaj birkaç denemeye rağmen gönderilemedi.
   *[reminder] { $number }. toplantının bir hatırlatması birkaç denemeye rağmen gönderilemedi. Ayrıntılar için /reminders { $number } yazın.
  }
cmd-reminders = Hatırlatma düzenini ya da bir toplantının hatırlatmalarını görün
cmd-reminders-set = Hatırlatma zamanlarını ayarlayın
reminders-usage = Kullanım: /reminders ya da /reminders <numara>
reminders-policy =
    Hatırlatma düzeni: katılacağını ya da belki katılacağını bildirenlere özel mesajla, toplantıdan { $offsets }.
    Gruplara toplantıdan bir gün önce bir özet; yanıt vermeyenlere son yanıt tarihinden iki gün önce (son yanıt tarihi yoksa toplantıdan beş gün önce) bir hatırlatma; koordinatörlere yanıtlar kapanınca bir özet gönderilir.
    { $quiet }
reminders-quiet-hours = Sessiz saatler: { $hours } (bu saatlerde özel mesaj gönderilmez; mesajlar sessiz saatler bitince iletilir).
reminders-quiet-none = Sessiz saat tanımlanmadı; özel mesajlar günün her saatinde gönderilebilir.
offset-before = { $offset } önce
reminders-meeting-heading = <b>{ $number }. toplantının hatırlatmaları</b> (toplantıdan { $offsets })
reminders-meeting-empty = { $number }. toplantı için planlanmış hatırlatma yok. Hatırlatmalar /invite ile davet gönderilince planlanır.
reminders-line = • { $when } — { $what }: { $statuses }
reminder-kind-before = { $offset } önce hatırlatma
reminder-kind-group-summary = grup özeti
reminder-kind-nudge = yanıt vermeyenlere hatırlatma
reminder-kind-group-silent = gruba, yanıt vermeyen kurumların listesi
reminder-kind-organiser-summary = koordinatörlere özet
reminder-count-scheduled = { $count } planlandı
reminder-count-sending = { $count } gönderiliyor
reminder-count-sent = { $count } gönderildi
reminder-count-cancelled = { $count } iptal edildi
reminder-count-skipped = { $count } atlandı
reminder-count-failed = { $count } gönderilemedi
offset-days = { $count } gün
offset-hours = { $count } saat
offset-minutes = { $count } dakika
reminders-set-usage =
    Kullanım: /reminders_set <süreler> ya da /reminders_set <numara> <süreler>
    Örnek: /reminders_set 7g 1g 2sa (ya da 7d 1d 2h). En fazla 6 süre, her biri en fazla 60 gün; dakika için 30dk ya da 30m.
reminders-set-network = Hatırlatma düzeni güncellendi: toplantıdan { $offsets }. { $replanned } toplantının hatırlatmaları yeniden planlandı.
reminders-set-meeting = { $number }. toplantının hatırlatmaları bundan sonra toplantıdan { $offsets } gönderilecek; yeniden planlandı.
reminders-set-closed = Bu toplantı iptal edildi ya da zamanı geçti; hatırlatmaları değiştirilemez.
cmd-rotation = Ev sahipliği sırası
cmd-rotation-set = Ev sahipliği sırasını belirleyin
cmd-hosts = Ev sahipliği geçmişi
cmd-host = Ev sahibi kurumu önerin, atayın ya da sıradaki kurumu atlayın
rotation-heading = <b>Ev sahipliği sırası</b>
rotation-never = henüz ev sahipliği yapmadı
rotation-last = en son { $number }. toplantının ev sahibi
rotation-skipped = en son { $number }. toplantıda sırası atlandı
rotation-next-never = Sıradaki: { $org }. Henüz hiç ev sahipliği yapmadı ve aynı durumdaki kurumlar arasında sırada ilk.
rotation-next-least = Sıradaki: { $org }. Ev sahipliği sırası en uzun süredir gelmeyen kurum (en son { $number }. toplantıda).
rotation-empty = Ev sahipliği yapabilecek kurum yok. /org_add ile kurum ekleyin.
rotation-set-usage =
    Kullanım: /rotation_set <kısa adlar, virgülle ayrılmış>
    Örnek: /rotation_set Buca KDM, Karşıyaka KDM, Konak KDM
rotation-set-done = Yeni ev sahipliği sırası: { $order }
rotation-unknown = Bu kurumları bulamadım: { $names }. Kısa adlar için /orgs yazın; hiçbir şey değişmedi.
rotation-repeated = Sıralamada her kurum bir kez yer almalı; birden fazla yazılanlar: { $names }. Hiçbir şey değişmedi.
rotation-omitted = Sıralamada her kurum bir kez yer almalı; eksik olanlar: { $names }. Hiçbir şey değişmedi.
hosts-heading = <b>Ev sahipliği geçmişi</b>
hosts-line = { $number }. toplantı ({ $when }): { $org }
hosts-counts = <b>Kurum başına ev sahipliği</b>
hosts-count-line = { $org }: { $count }
hosts-empty = Henüz ev sahibi belli olan toplantı yok.
host-usage = Kullanım: /host <numara> (sırası gelen kuruma önerir), /host <numara> <kısa ad> (kurumu doğrudan atar) ya da /host <numara> skip (önerilen kurumu sıranın sonuna alır)
host-proposal-dm =
    🏠 <b>{ $number }. toplantının ev sahipliği sırası kurumunuzda: { $org }</b>
    Tarih: { $when }
    Son yanıt tarihi: { $deadline }
    Lütfen aşağıdaki düğmelerle yanıt verin.
host-accept-button = ✅ Ev sahipliğini kabul ediyoruz
host-decline-button = ❌ Bu kez üstlenemiyoruz
host-swap-button = 🔁 Sıra değişimi önermek istiyoruz
host-proposed-group = 🏠 { $number }. toplantı için ev sahibi önerildi: { $org }. Son yanıt tarihi: { $deadline }.
host-proposed-reply = { $number }. toplantının ev sahipliği { $org } kurumuna önerildi; kurumun { $contacts } irtibat kişisine özel mesajla soruldu.
host-already = { $number }. toplantının ev sahibi zaten belli: { $org }. Değiştirmek için /host { $number } ardından kurumun kısa adını yazın.
host-open = { $number }. toplantı için { $org } kurumunun yanıtı bekleniyor.
host-nobody = { $number }. toplantıya ev sahipliği yapabilecek başka kurum kalmadı; /host { $number } ardından kurumun kısa adını yazarak doğrudan atayabilirsiniz.
host-assigned = { $org }, { $number }. toplantının ev sahibi olarak atandı.
host-skipped = { $org } ev sahipliği sırasının sonuna alındı.
host-nothing-to-skip = Şu anda yanıt bekleyen bir ev sahipliği önerisi yok.
host-cannot-host = { $org } ev sahipliği yapamayan kurumlar arasında; /org_edit ile değiştirilebilir.
host-accepted-toast = Kaydedildi: ev sahipliğini üstlendiniz. Teşekkür ederiz!
host-accepted-group = ✅ { $number }. toplantıya { $org } ev sahipliği yapacak.
host-declined-toast = Kaydedildi. Sıra bir sonraki kuruma geçiyor; kurumunuz bir sonraki toplantıda yine ilk sırada olacak.
host-declined-group = { $org } { $number }. toplantıya bu kez ev sahipliği yapamıyor; sıra bir sonraki kuruma geçti.
host-reason-ask = İsterseniz bu mesajı yanıtlayarak kısa bir gerekçe yazabilirsiniz (en fazla { $max } karakter); gerekçenizi koordinatörler görür.
host-reason-thanks = Gerekçeniz kaydedildi.
host-reason-empty = Gerekçe olarak bir metin göremedim. İsterseniz kısa bir cümleyle yazın; vazgeçmek için /cancel_dialog yazabilirsiniz.
host-reason-not-saved = Bu yanıta artık gerekçe eklenemiyor: yanıt değişmiş ya da gerekçe daha önce kaydedilmiş. Yazdığınız gerekçe kaydedilmedi.
host-closed-toast = Bu öneri artık geçerli değil: yanıtlandı ya da süresi doldu.
host-not-contact-toast = Bu soruyu yalnızca önerilen kurumun irtibat kişileri yanıtlayabilir.
host-bad-swap-toast = Bu kuruma sıra değişimi önerilemez.
host-swap-choose = Hangi kuruma sıra değişimi önermek istersiniz? Kabul ederlerse bu toplantıya onlar ev sahipliği yapar; kurumunuz bir sonrakinde ilk sırada olur.
host-swap-asked-toast = Öneriniz { $org } kurumuna iletildi.
host-swap-dm = 🔁 { $from }, { $number }. toplantının ({ $when }) ev sahipliğini sizinle değiştirmeyi öneriyor: bu toplantıya { $to } ev sahipliği yapar, { $from } bir sonrakinde ilk sırada olur.
host-swap-accept-button = ✅ Kabul ediyoruz
host-swap-refuse-button = ❌ Bu kez kabul edemiyoruz
host-swap-refused = { $org }, { $number }. toplantı için önerdiğiniz sıra değişimini kabul etmedi; ev sahipliği önerisi hâlâ kurumunuzda ve yanıtınızı bekliyor.
host-swap-refused-toast = Kaydedildi: sıra değişimini kabul etmediniz.
host-swapped-group = 🔁 Sıra değişimi: { $number }. toplantıya { $to } ev sahipliği yapacak; { $from } bir sonraki toplantıda ilk sırada.
host-expired-organisers = ⏰ { $org }, { $number }. toplantının ev sahipliği önerisine süresi içinde yanıt vermedi; sıra bir sonraki kuruma geçti.
host-checklist-reminder =
    📋 <b>{ $number }. toplantı hazırlığı</b> ({ $when }, { $venue })
    { $step }
    Tamamladığınızda aşağıdaki düğmeye basın.
host-checklist-venue = Toplantı yerini teyit edin.
host-checklist-access = Ulaşım bilgilerini (toplu taşıma, otopark, giriş) koordinatörlerle paylaşın.
host-checklist-agenda = Gündemi ve ikramı gözden geçirin.
host-checklist-day-before = Yarınki toplantı için son kontrol.
host-checklist-done-button = ✅ Tamamlandı
host-checklist-done-toast = Teşekkür ederiz; tamamlandı olarak işaretlendi.
host-checklist-heading = Ev sahibi hazırlığı: { $steps }
host-step-venue = toplantı yerinin teyidi
host-step-access = adres ve ulaşım
host-step-agenda = gündem ve ikram
host-step-day-before = son kontrol
reminder-kind-host-checklist = ev sahibi hazırlığı ({ $offset } önce)
reminder-kind-host-expiry = ev sahipliği için son yanıt tarihi
cmd-host-contact = Kurumun ev sahipliği irtibat kişisini belirleyin
host-contact-usage = Kullanım: kişinin bir mesajını yanıtlayarak /host_contact [evet|hayır] ya da /host_contact @kullanıcıadı [evet|hayır]
host-contact-on = { $name } artık { $organisation } kurumunun ev sahipliği irtibat kişisi; ev sahipliğiyle ilgili sorular kurumun irtibat kişilerine gönderilir.
host-contact-off = { $name } artık ev sahipliği irtibat kişisi değil.
host-contact-no-organisation = Önce bu kişinin kurumunu belirleyin: /member_set_org
cmd-checkin = Toplantıya geldiğinizi bildirin
cmd-attendance = Toplantıya kimlerin geldiğini görün
checkin-card =
    📍 <b>{ $number }. toplantı başlıyor</b> ({ $when }, { $venue })
    Geldiyseniz lütfen aşağıdaki düğmeye basın; yoklama, toplantı bitiminden bir saat sonrasına kadar açık kalır.
checkin-button = 🙋 Buradayım
checkin-checked-in = Hoş geldiniz! { $number }. toplantıya katılımınız kaydedildi.
checkin-already = { $number }. toplantıya katılımınız zaten kayıtlı.
checkin-closed = { $number }. toplantının yoklaması kapandı; yoklama toplantı bitiminden bir saat sonra kapanır.
checkin-not-open = { $number }. toplantının yoklaması şu anda açık değil; toplantı başlamadan yarım saat önce açılır, bitiminden bir saat sonra kapanır.
checkin-cancelled = Bu toplantı iptal edildi.
checkin-unknown-meeting = Bu toplantı artık yok.
checkin-not-member = Yoklamaya katılmak için önce ağa katılın: ağın grubunda /join yazın.
checkin-usage = Kullanım: /checkin ya da /checkin <numara>
checkin-none-open = Şu anda yoklaması açık bir toplantı yok.
attendance-usage = Kullanım: /attendance <numara>, örneğin /attendance 25
attendance-not-yet = { $number }. toplantı henüz yapılmadı; yoklama toplantı başlamadan yarım saat önce açılır.
attendance-cancelled = { $number }. toplantı iptal edildiği için yoklama alınmadı.
attendance-heading = <b>{ $number }. toplantının yoklaması</b>
attendance-empty = Henüz kimse katılımını bildirmedi.
attendance-came = Gelenler ({ $count }): { $names }
attendance-missing = Katılacağını bildirip gelmeyenler: { $names }
attendance-unannounced = Yanıt vermeden gelenler: { $names }
reminder-kind-checkin-card = yoklama kartı
reminder-kind-action-soon = görev sorumlusuna hatırlatma (son tarihten 2 gün önce)
reminder-kind-action-due = görev sorumlusuna hatırlatma (son gün)

## Tutanak
# Tutanak kayıtlarında görev: öneki gösterilir; girdi olarak kabul edilen eski önekler src/domain/minutes-entry.ts dosyasındadır.
cmd-minutes = Bir toplantının tutanağını açın ya da taslağı görün: /minutes 25
cmd-minutes-taker = Yanıtladığınız kişiyi tutanak sorumlusu olarak belirleyin
cmd-minutes-edit = Tutanaktaki bir kaydı düzeltin
cmd-minutes-delete = Tutanaktaki bir kaydı silin
cmd-minutes-publish = Tutanağı gruplara ve koordinatörlere gönderin
cmd-minutes-approve = Tutanağı onaylayın (bir sonraki toplantıda)
minutes-usage = Kullanım: /minutes <numara>, örneğin /minutes 25
minutes-taker-usage = Kullanım: tutanak sorumlusu olarak belirleyeceğiniz kişinin bir mesajını yanıtlayarak /minutes_taker <numara> yazın.
minutes-edit-usage = Kullanım: /minutes_edit <toplantı> <kayıt> <yeni metin>, örneğin /minutes_edit 25 3 karar: Bir sonraki toplantı Karşıyaka'da
minutes-delete-usage = Kullanım: /minutes_delete <toplantı> <kayıt>, örneğin /minutes_delete 25 3
minutes-publish-usage = Kullanım: /minutes_publish <numara>, örneğin /minutes_publish 25
minutes-approve-usage = Kullanım: /minutes_approve <numara>, örneğin /minutes_approve 25
minutes-writers-only = Bu tutanağa yalnızca koordinatörler ve toplantının tutanak sorumlusu yazabilir.
minutes-placeholder = Not, karar: … ya da görev: …
minutes-meeting-gone = Bu tutanağın toplantısı artık yok.
minutes-card-heading = 📝 <b>{ $number }. toplantının tutanağı</b> · { $title }
minutes-state-draft = Taslak: henüz yayımlanmadı.
minutes-state-published = { $version }. sürüm yayımlandı.
minutes-state-changed = { $version }. sürüm yayımlandıktan sonra değişti; yeni sürüm için /minutes_publish { $number } yazın.
minutes-state-approved = { $version }. sürüm onaylandı; tutanak kapandı.
minutes-card-empty = Henüz kayıt yok.
minutes-card-how =
    Kayıt eklemek için bu mesajı yanıtlayın (özel sohbette doğrudan yazabilirsiniz):
    • düz metin not olarak eklenir;
    • karar: ile başlayan metin karar olarak eklenir;
    • görev: ile başlayan metin görev olarak eklenir; sorumluyu (@kullanıcıadı ya da kurumun kısa adı) ve son tarihi de yazın, örneğin: görev: Broşür taslağı @ayse 15 Aralık
    Düzeltmek için /minutes_edit { $number } &lt;kayıt&gt; &lt;metin&gt;, silmek için /minutes_delete { $number } &lt;kayıt&gt; yazın.
minutes-kind-decision = [Karar]
minutes-kind-action = [Görev]
minutes-entry-added = ✍️ { $entry } numaralı kayıt eklendi.
minutes-entry-edited = ✏️ { $entry } numaralı kayıt düzeltildi.
minutes-entry-deleted = 🗑 { $entry } numaralı kayıt silindi.
minutes-republish-hint = Yayımlanan { $version }. sürüm olduğu gibi kalır; değişikliği duyurmak için /minutes_publish { $number } yazın ({ $next }. sürüm olarak gönderilir).
minutes-entry-unknown = { $number }. toplantının tutanağında { $entry } numaralı bir kayıt yok. Kayıtları görmek için /minutes { $number } yazın.
minutes-entry-too-long = Kayıt çok uzun ({ $length } karakter); en fazla { $max } karakter olabilir. Birkaç kayda bölebilirsiniz.
minutes-entry-empty = Boş bir kayıt eklenemez; lütfen bir metin yazın.
minutes-closed-cancelled = { $number }. toplantı iptal edildi; tutanağı tutulmaz.
minutes-closed-not-started = { $number }. toplantı henüz başlamadı; tutanak toplantıdan yarım saat önce açılır.
minutes-closed-approved = { $number }. toplantının tutanağı onaylandı ve kapandı; artık değiştirilemez.
minutes-incomplete-action = Bu kayıt görev olarak eklenecekti, ancak bazı bilgiler eksik: { $problems } Düzeltip yeniden gönderebilir ya da metni not olarak saklayabilirsiniz.
minutes-missing-owner = Sorumlu belirtilmemiş (@kullanıcıadı ya da kurumun kısa adı).
minutes-missing-due = Son tarih belirtilmemiş.
minutes-missing-due-format = Son tarih okunamadı.
minutes-missing-due-impossible-date = Son tarih takvimde yok.
minutes-missing-due-impossible-time = Son tarih okunamadı.
minutes-missing-due-nonexistent-time = Son tarih okunamadı.
minutes-missing-due-past = Son tarih geçmişte kalmış.
minutes-missing-due-wrong-weekday = Son tarihteki gün adı tarihle uyuşmuyor.
minutes-missing-due-ambiguous-time = Son tarihteki saat iki türlü anlaşılabilir.
minutes-missing-due-ambiguous-date = Son tarihteki gün adı bugünü de gelecek haftayı da gösterebilir; tarihi yazın.
minutes-missing-due-range = Son tarih için tek bir gün yazın.
minutes-missing-due-end-before-start = Son tarih için tek bir gün yazın.
minutes-action-example = Örnek: görev: Broşür taslağı @ayse 15 Aralık
minutes-keep-as-note = 📝 Not olarak saklansın
minutes-nothing-to-keep = Saklanacak bir metin kalmadı; kaydı yeniden yazın.
minutes-taker-set = { $name }, { $number }. toplantının tutanak sorumlusu olarak belirlendi.
minutes-publish-empty = { $number }. toplantının tutanağında henüz kayıt yok; yayımlanacak bir şey yok.
minutes-publish-unchanged = { $number }. toplantının tutanağı { $version }. sürüm olarak zaten yayımlandı ve o günden beri değişmedi.
minutes-approve-approved = ✅ { $number }. toplantının tutanağı onaylandı.
minutes-approve-already = { $number }. toplantının tutanağı zaten onaylanmıştı.
minutes-approve-not-published = { $number }. toplantının tutanağı henüz yayımlanmadı; önce /minutes_publish { $number } yazın.
minutes-approve-changed = { $number }. toplantının tutanağı { $version }. sürümden sonra değişti; onaydan önce /minutes_publish { $number } ile yeni sürümü yayımlayın.
minutes-approve-cancelled = { $number }. toplantı iptal edildi; onaylanacak tutanağı yok.
minutes-title = { $series } — { $number }. toplantı tutanağı
minutes-fact-when = Tarih: { $when }
minutes-fact-venue = Yer: { $venue }
minutes-fact-host = Ev sahibi: { $host }
minutes-fact-facilitators = Kolaylaştırıcılar: { $names }
minutes-fact-version = Sürüm { $version }
minutes-fact-version-replaces = Sürüm { $version } ({ $previous }. sürümün yerine geçer)
minutes-section-attendance = Katılımcılar
minutes-section-agenda = Gündem
minutes-section-notes = Notlar
minutes-section-decisions = Alınan kararlar
minutes-section-actions = Görev dağılımı
minutes-attendance-count = { $organisation }: { $count } kişi
minutes-attendance-names = { $organisation } ({ $count }): { $names }
minutes-attendance-total = Toplam: { $organisations } kurumdan { $people } kişi
minutes-attendance-none = Yoklama alınmadı.
minutes-decisions-none = Karar alınmadı.
minutes-actions-none = Görev dağılımı yapılmadı.
minutes-file-name = tutanak-{ $number }-surum-{ $version }
minutes-file-caption = { $number }. toplantı tutanağı, { $version }. sürüm

## Görevler (bekleyen görevler)
cmd-actions = Bekleyen görevler
cmd-done = Bir görevi tamamlandı olarak işaretleyin: /done 17
action-line = { $text } — { $owner }, son tarih: { $due } (#{ $id })
action-line-no-due = { $text } — { $owner }, son tarih belirtilmemiş (#{ $id })
action-owner-unknown = sorumlu belirtilmemiş
action-from-meeting = [{ $number }. toplantı]
action-carried-over = <b>Önceki toplantılardan bekleyen görevler</b>
action-more = … ve { $count } görev daha (/actions)
action-overdue = ⚠️ gecikti
actions-heading-all = <b>Bekleyen görevler ({ $count })</b>
actions-heading-mine = <b>Size ya da kurumunuza ait bekleyen görevler ({ $count })</b>
actions-none = Bekleyen görev yok.
actions-none-mine = Size ya da kurumunuza ait bekleyen görev yok.
actions-how-done = Tamamlanan bir görevi kapatmak için /done &lt;numara&gt; yazın ya da aşağıdaki düğmeye basın.
actions-usage = Kullanım: /actions ya da yalnızca kendi görevleriniz için /actions benim
done-usage = Kullanım: /done <numara>, örneğin /done 17 (numarayı /actions gösterir)
action-done = ✅ Tamamlandı: { $item }
action-already = Bu görev zaten tamamlanmıştı: { $item }
action-unknown = #{ $id } numaralı bekleyen bir görev bulunamadı. Liste için /actions yazın.
action-not-allowed = #{ $id } numaralı görevi yalnızca sorumlusu (ya da sorumlu kurumun bir üyesi) veya bir koordinatör kapatabilir.
action-done-button = ✅ Tamamlandı
action-done-button-id = ✅ #{ $id } tamamlandı
action-done-announce = ✅ { $name } bir görevi tamamladı ({ $number }. toplantı): { $item }
action-reminder-soon =
    ⏰ <b>Görev hatırlatması</b> ({ $number }. toplantıdan)
    { $item }
    Son tarihe iki gün kaldı. Görev tamamlandıysa aşağıdaki düğmeye basın.
action-reminder-due =
    ⏰ <b>Bugün son gün</b> ({ $number }. toplantıdan)
    { $item }
    Görev tamamlandıysa aşağıdaki düğmeye basın.

## Raporlar
cmd-stats = Kurum kurum katılım, ev sahipliği ve bekleyen görevler
stats-usage = Kullanım: /stats ya da /stats <son kaç toplantı>, en fazla { $max }
stats-heading = <b>Son { $meetings } toplantının özeti</b> (katıldığı toplantı · ev sahipliği · bekleyen görev)
stats-no-organisations = Henüz kurum eklenmedi.
stats-line = • { $organisation }: { $attended }/{ $meetings } toplantı · { $hosted } kez ev sahibi · { $open } bekleyen görev
private-change-sent = Tamam. Ayrıntıları size özel mesajla gönderdim.
private-change-start-me = Tamam, işlem yapıldı. Ayrıntıları yalnızca özel mesajla gönderebiliyorum; görebilmeniz için lütfen { $link } bağlantısını açıp Başlat’a basın.
members-username-unknown = Bu kullanıcı adıyla ağın üyeleri arasında kimseyi bulamadım. Lütfen komutu grupta, kişinin bir mesajını yanıtlayarak yeniden yazın.
members-username-ambiguous = Bu kullanıcı adı ağda birden fazla kişiyle eşleşiyor; kimi kastettiğinizden emin olamıyorum. Lütfen komutu grupta, kişinin bir mesajını yanıtlayarak yeniden yazın.
buttons-members-only = Bu düğme yalnızca ağın üyeleri içindir.
buttons-not-yours = Bu düğmeyi yalnızca metni yazan kişi kullanabilir.

## Üyelik: bağlı sohbetlerden ayrılmak ve özel mesajda ağ seçmek
membership-ended = { $count ->
    [one] Artık { $networks } ağının üyesi değilsiniz; ağın bağlı gruplarından ayrıldığınız için size bu ağla ilgili mesaj gönderilmiyor. Yeniden katılmak isterseniz ağın grubuna yazmanız ya da koordinatörünüzün paylaştığı bağlantıyı açmanız yeterli.
   *[other] Artık şu ağların üyesi değilsiniz: { $networks }. Bu ağların bağlı gruplarından ayrıldığınız için size mesaj gönderilmiyor. Yeniden katılmak isterseniz ağın grubuna yazmanız ya da koordinatörünüzün paylaştığı bağlantıyı açmanız yeterli.
}
membership-left-organisers = { $name }, <b>{ $network }</b> ağının bağlı gruplarının hiçbirinde artık yer almıyor. Bu kişiye ağla ilgili özel mesaj gönderilmeyecek; daha önce verdiği yanıtlar sayılmaya devam ediyor. Gruba yeniden yazarsa üyeliği kendiliğinden yenilenir.
network-choice-ask = Birden fazla ağın üyesisiniz. Bu komutu hangi ağ için kullanmak istiyorsunuz?
network-choice-chosen = { $network } seçildi. Özel mesajla verdiğiniz komutlar { $minutes } dakika boyunca bu ağ için geçerli.
network-choice-done = Ağ: <b>{ $network }</b>

## Kişisel veriler: /mydata, /forgetme, /export_network
cmd-mydata = Hakkınızdaki verileri indirin
cmd-forgetme = Hakkınızdaki verilerin silinmesini isteyin
cmd-export-network = Ağın tüm verilerini yedek olarak indirin
privacy-private-only = Kişisel verilerinizle ilgili bu komutu yalnızca benimle özel mesajla kullanabilirsiniz. Lütfen { $link } bağlantısını açın ve komutu orada yazın.
privacy-mydata-usage = Kullanım: /mydata (başka bir şey eklemeden). Hakkınızda tuttuğum bütün verileri size bir dosya olarak gönderirim.
privacy-mydata-file = ortak-verilerim.json
privacy-mydata-caption = Hakkınızda tuttuğum bütün veriler (KVKK madde 11): üyelikleriniz, yanıtlarınız, bildirdiğiniz destek ihtiyaçları, tarih anketlerindeki oylarınız, yoklama kayıtlarınız, yazdığınız tutanak kayıtları, sorumlu olduğunuz görevler, sizinle ilgili kayıtlar ve bekleyen hatırlatmalar. Silinmesini isterseniz /forgetme yazabilirsiniz.
privacy-forget-usage = Kullanım: /forgetme (başka bir şey eklemeden). Onayınızı aldıktan sonra hakkınızdaki verileri silerim.
privacy-forget-confirm =
    ⚠️ <b>Verilerinizin silinmesi</b>
    Onaylarsanız:
    • adınız, kullanıcı adınız, dil tercihiniz ve size özel mesaj gönderip gönderemeyeceğime dair bilgi silinir;
    • yanıtlarınız ve yoklama kayıtlarınız isimsiz olarak kurumunuzun sayılarında kalır; tarih anketlerindeki oylarınız silinir;
    • yazdığınız tutanak kayıtları yazarsız olarak kalır, sorumlu olduğunuz görevler kurumunuza geçer;
    • kayıt defterinde adınızın yerine isimsiz bir numara yazılır, yayımlanmış tutanaklarda adınız “(silinmiş kişi)” olur;
    • size gönderilecek hatırlatmalar iptal edilir ve bütün ağlardaki üyelikleriniz sona erer.
    Bu işlem geri alınamaz. Onay düğmesi { $minutes } dakika geçerlidir.
privacy-forget-yes = 🗑 Evet, verilerimi silin
privacy-forget-no = Vazgeçiyorum
privacy-forget-not-yours = Bu düğme size ait değil; hiçbir şey değişmedi.
privacy-forget-expired = Bu onayın süresi doldu; hiçbir şey silinmedi. İsterseniz yeniden /forgetme yazabilirsiniz.
privacy-forget-cancelled = Vazgeçtiniz; hiçbir şey silinmedi.
privacy-forget-nothing = Hakkınızda silinecek bir kayıt kalmadı.
privacy-forget-refused = Verileriniz silinmedi: önce koordinatörlüğü devretmeniz gerekiyor.
privacy-forget-last-organiser = { $count ->
    [one] <b>{ $networks }</b> ağının son koordinatörüsünüz. Verilerinizi silebilmem için lütfen önce koordinatörlüğü başka birine devredin (/organiser_add), sonra yeniden /forgetme yazın. Hiçbir şey silinmedi.
   *[other] Şu ağların son koordinatörüsünüz: <b>{ $networks }</b>. Verilerinizi silebilmem için lütfen önce her birinde koordinatörlüğü başka birine devredin (/organiser_add), sonra yeniden /forgetme yazın. Hiçbir şey silinmedi.
}
privacy-forget-done = ✅ Hakkınızdaki veriler silindi. Yanıtlarınız isimsiz olarak kurumunuzun sayılarında kalmaya devam ediyor. Bir ağın grubuna yeniden yazarsanız yeni bir üye olarak kaydedilirsiniz.
privacy-forget-done-toast = Verileriniz silindi.
privacy-export-usage = Kullanım: /export_network (başka bir şey eklemeden). Ağın bütün verilerini size özel mesajla bir dosya olarak gönderirim.
privacy-export-file = ortak-ag-{ $id }-{ $date }.json
privacy-export-caption = <b>{ $network }</b> ağının bütün verileri (yedek ya da taşıma için). Dosyada kişisel veriler bulunuyor; lütfen güvenli bir yerde saklayın ve yalnızca ağın koordinatörleriyle paylaşın.

## Ağ kodu, /link ve /unlink: bağlamak grup yöneticisi olan koordinatörlerin işidir
cmd-unlink = Bu sohbetin ağ bağlantısını kaldırın
setup-code-sent = Ağ kodunu ve üyeler için ağa katılma bağlantısını size özel mesajla gönderdim; bunları grupta paylaşmıyorum.
setup-code-start-me = Ağ kodunu size özel mesajla gönderemedim; size özel mesajla ulaşamıyorum. Lütfen { $link } bağlantısını açıp Başlat’a basın, ardından bana özel mesajla /network yazın.
network-code =
    <b>{ $network }</b> ağ kodu: <code>{ $code }</code>
    Başka bir grubu ya da konu başlığını bağlamak için orada /link { $code } yazın; bunu yalnızca o grubun yöneticisi olan koordinatörler yapabilir.
    Üyeleriniz bu ağa katılma bağlantısıyla bana özel mesaj yazıp kurumlarını seçebilir: { $link }
    Kodu ve bağlantıyı yalnızca güvendiğiniz kişilerle paylaşın. Gerekirse /network_set join_code new ile yeni bir kod alabilirsiniz; eskisi hemen geçersiz olur.
network-code-private = Ağ kodu yalnızca koordinatörlere, özel mesajla gösterilir: görmek için bana özel mesajla /network yazın.
network-set-bad-retention = Saklama süresi { $min } ile { $max } arasında bir tam sayı (ay) olmalı, örneğin: /network_set retention_months 24
network-join-code-renewed = Ağ kodu yenilendi. Eski kod ve eski ağa katılma bağlantısı artık geçerli değil.
network-join-code-sent = Yeni ağ kodunu ve ağa katılma bağlantısını size özel mesajla gönderdim.
network-join-code-start-me = Yeni kodu size özel mesajla gönderemedim; size özel mesajla ulaşamıyorum. Lütfen { $link } bağlantısını açıp Başlat’a basın, ardından bana özel mesajla /network yazın.
link-admins-only = Bir sohbeti bir ağa yalnızca bu grubun yöneticileri bağlayabilir; ayrıca o ağın koordinatörü olmaları gerekir.
link-already = { $place } zaten “{ $network }” ağına bağlı.
link-taken = { $place } “{ $network }” ağına bağlı ve başka bir ağa devredilemez. Bu bağlantıyı yalnızca “{ $network }” ağının koordinatörü olan bir grup yöneticisi taşıyabilir ya da /unlink ile kaldırabilir.
link-chat-taken = Bu grubun tamamı “{ $network }” ağına bağlı; grubun bir konu başlığı başka bir ağa bağlanamaz.
link-topics-taken = Bu grubun bazı konu başlıkları “{ $network }” ağına bağlı; bu nedenle grubun tamamı başka bir ağa bağlanamaz. Önce o ağın koordinatörü olan bir grup yöneticisinin, ilgili konu başlığında /unlink yazarak bağlantıyı kaldırması gerekir.
link-relink-confirm =
    { $place } şu anda “{ $from }” ağına bağlı. “{ $to }” ağına taşımak için aşağıdaki düğmeye basın; taşındıktan sonra “{ $from }” ağının mesajları buraya gelmez.
    Düğmeyi yalnızca her iki ağın da koordinatörü olan bir grup yöneticisi kullanabilir.
link-relink-button = Evet, taşınsın
link-relink-not-allowed = Bu bağlantıyı yalnızca her iki ağın da koordinatörü olan bir grup yöneticisi taşıyabilir.
link-relink-conflict = Bağlantı taşınamadı: bir grubun tamamı ve konu başlıkları farklı ağlara bağlı olamaz.
link-relink-done-toast = Bağlantı taşındı.
link-relinked = { $place } artık “{ $to }” ağına bağlı; önceden “{ $from }” ağına bağlıydı.
unlink-group-only = /unlink bir grupta ya da bir konu başlığında, bağlantısını kaldırmak istediğiniz yerde kullanılır.
unlink-usage = Kullanım: /unlink (bağlantısını kaldırmak istediğiniz grupta ya da konu başlığında, başka bir şey eklemeden yazın)
unlink-admins-only = Bir sohbetin ağ bağlantısını yalnızca bu grubun yöneticileri kaldırabilir; ayrıca o ağın koordinatörü olmaları gerekir.
unlink-done = { $place } “{ $network }” ağıyla bağlantısı kaldırıldı; ağın mesajları artık buraya gelmeyecek.
unlink-done-last =
    { $place } “{ $network }” ağıyla bağlantısı kaldırıldı; ağın mesajları artık buraya gelmeyecek.
    Ağın bağlı başka sohbeti kalmadı, ancak ağ ve kayıtları silinmedi: koordinatörler ağı bana özel mesajla yazarak yönetmeye devam edebilir (örneğin /network) ve yeni bir grubu orada /link &lt;ağ kodu&gt; yazarak bağlayabilir.
link-place-chat = Bu sohbet
link-place-topic = Bu konu başlığı
unlink-place-chat = Bu sohbetin
unlink-place-topic = Bu konu başlığının
privacy-anonymous-people = { $count } kişi (adı silinmiş)
members-left = Ağın gruplarından ayrılanlar (kendilerine mesaj gönderilmiyor)
network-choice-list = Üyesi olduğunuz ağlar: { $networks }. Şu anda <b>{ $current }</b> ağında işlem yapıyorsunuz; başka bir ağ seçmek için aşağıdaki düğmeleri kullanabilirsiniz.
action-owner-person = bir kişi
minutes-name-withheld = (isim gizlendi)
rsvps-anonymous-heading = <b>İsimsiz yanıtlar</b> (verileri silinen ya da saklama süresi dolan kişilerin yanıtları; toplamlara dahildir)
rsvps-anonymous-line = • { $organisation }: { $count } yanıt, { $answer }
host-too-late = { $number }. toplantı başladı; artık hiçbir kuruma ev sahipliği önerilmiyor. Gerekirse /host { $number } ardından kurumun kısa adını yazarak ev sahibini kendiniz belirleyebilirsiniz.
audit-actor-system = ortak (otomatik)
audit-actor-erased = silinmiş kişi
audit-action = { $action ->
    [meeting-invite] Davet gönderildi
    [meeting-repost] Davet kartı yeniden gönderildi
    [action-done] Görev tamamlandı
    [chat-link] Sohbet ağa bağlandı
    [chat-relink-in] Sohbet bu ağa taşındı
    [chat-relink-out] Sohbet başka bir ağa taşındı
    [chat-unlink] Sohbetin ağ bağlantısı kaldırıldı
    [chat-unlink-repair] Başka bir ağın aldığı konu başlığı bağlantısı kaldırıldı
    [host-accepted] Ev sahipliği kabul edildi
    [host-declined] Ev sahipliği bu kez üstlenilmedi
    [host-swapped] Ev sahipliği sırası değiştirildi
    [host-assigned] Ev sahibi atandı
    [host-expired] Ev sahipliği önerisinin süresi doldu
    [host-proposed] Ev sahipliği önerildi
    [host-skipped] Sıradaki kurum atlandı
    [meeting-create] Toplantı oluşturuldu
    [meeting-edit] Toplantı bilgisi değişti ({ $detail })
    [meeting-reschedule] Toplantının tarihi değişti
    [meeting-cancel] Toplantı iptal edildi
    [member-role] Üyenin rolü değişti
    [member-organisation] Üyenin kurumu değişti
    [member-host-contact] İrtibat kişisi değişti
    [member-left] Ağın gruplarından ayrıldı
    [minutes-taker] Tutanak sorumlusu belirlendi
    [minutes-edit] Tutanak kaydı düzeltildi
    [minutes-delete] Tutanak kaydı silindi
    [minutes-publish] Tutanak yayımlandı
    [minutes-approve] Tutanak onaylandı
    [decision-supersede] Bir kararın yerine yenisi geçti
    [objection-resolve] Tutanağa yapılan itiraz yanıtlandı
    [network-setup] Ağ kuruldu
    [network-set] Ağ ayarı değişti ({ $detail })
    [network-export] Ağın tüm verileri dışa aktarıldı
    [organisation-add] Kurum eklendi
    [organisation-edit] Kurum bilgisi değişti ({ $detail })
    [organisation-remove] Kurum kaldırıldı
    [poll-create] Tarih anketi başlatıldı
    [poll-close] Tarih anketi kapatıldı, toplantı oluşturuldu
    [poll-cancel] Tarih anketi iptal edildi
    [privacy-forget] Bir kişinin verileri silindi
    [reminders-set] Hatırlatma zamanları değişti
    [rotation-order] Ev sahipliği sırası değişti
   *[other] { $code }
}

# Aynı anda basılan iki yanıttan ikincisi; aynı anda yazılan iki /invite komutundan ikincisi.
host-answered-toast = Bu ev sahipliği önerisi zaten yanıtlandı; yanıtınız kaydedilmedi.
invite-in-progress = { $number }. toplantının daveti başka bir komutla zaten gönderiliyor ({ $when }); kartlar ikinci kez gönderilmedi.

# Yer darlığında kısaltılan davet kartı: gösterilmeyen gündem maddelerinin sayısı.
meeting-agenda-more = … ve { $count } madde daha (tamamı için: /meeting { $number })

# Tutanak yayımlandı; kopyalar sırayla gönderiliyor (yanıt beklemeden verilir).
minutes-published-queued = 📣 { $number }. toplantının tutanağı { $version }. sürüm olarak yayımlandı; kopyaları { $chats } sohbete ve { $organisers } koordinatöre gönderiliyor.
# Tutanak kartında: yayımlanan sürümün kopyaları henüz tamamlanmadıysa ya da bir kısmı ulaşmadıysa.
minutes-state-copies = Kopyalar: { $sent } gönderildi{ $waiting ->
        [0] {""}
       *[other] , { $waiting } sırada
    }{ $notSent ->
        [0] {""}
       *[other] , { $notSent } ulaştırılamadı
    }.

# /invite yanıtı: kartlar ve özel mesajlar sırayla gönderiliyor (yanıt beklemeden verilir).
invite-queued = { $number }. toplantının davet kartı { $chats } sohbete gönderiliyor ({ $pinnable } tanesinde sabitlenecek). Kart, botu başlatmış { $direct } üyeye de özel mesajla gönderiliyor.{ $unpinnable ->
        [0] {""}
       *[other] {" "}Kartı sabitleyebilmem için beni grupta “Mesajları sabitleme” yetkisiyle yönetici yapmanız gerekir.
    }
invite-reposted-queued = { $number }. toplantının davet kartı { $chats } sohbete yeniden gönderiliyor. Kartı henüz özel mesajla almamış { $direct } üyeye de gönderiliyor.

## Deneme alanı (BOT_TOKEN olmadan açılan web sayfası)
playground-title = ortak deneme alanı
playground-intro = Burası ortak'ın deneme alanı: hayali kişilerden oluşan bir demo dünyası. Burada yazdığınız hiçbir şey Telegram'a gitmez. Listeden bir kişi seçin; onun adına gruba ya da botla özel sohbetine yazabilirsiniz. Başlamak için koordinatörü seçin ve grupta /meeting_new yazarak yeni bir toplantı oluşturun; ardından /invite ile davet kartını gönderip üyelerin adına yanıt verin.
playground-intro-close = Anladım
playground-help = Deneme alanı hakkında
playground-acting-as = Kimin adına yazıyorsunuz?
playground-coordinator = Koordinatör
playground-telegram-language = Telegram dili
playground-language-tr = Türkçe
playground-language-en = İngilizce
playground-chats = Sohbetler
playground-group = Grup
playground-private = Bot ile özel sohbet
playground-privacy-note = ortak bu grupta yönetici olduğu için davet kartını sabitleyebiliyor. Telegram, yönetici botlara grubun bütün mesajlarını iletir; ortak ise yalnızca komutları (/ ile başlayan mesajları) ve kendi mesajlarına verilen yanıtları dikkate alır, sohbete karışmaz.
playground-empty-group = Bu grupta henüz mesaj yok.
playground-empty-private = Bu sohbette henüz mesaj yok. Botla konuşmaya başlamak için /start yazın.
playground-unread-elsewhere = Yeni mesajı olan kişiler:
playground-pinned = Sabitlenmiş mesaj
playground-go-to-message = Mesaja git
playground-send = Gönder
playground-reply = Yanıtla
playground-replying-to = Yanıtlanıyor
playground-cancel-reply = Yanıtlamaktan vazgeç
playground-composer-placeholder = Mesaj yazın…
playground-edited = düzenlendi
playground-download = İndir
playground-spoiler = Gizli metin; görmek için tıklayın
playground-quote-expand = Devamını göster
playground-quote-collapse = Daha az göster
playground-unsupported = Bu mesaj türü deneme alanında gösterilemiyor.
playground-alert-ok = Tamam
playground-reset = Baştan başla
playground-reset-confirm = Demo dünyası ilk hâline dönecek: şimdiye kadar yazılan bütün mesajlar ve yapılan bütün değişiklikler silinecek. Devam etmek istiyor musunuz?
playground-lang-button = EN
playground-lang-label = Sayfayı İngilizce göster
playground-disconnected = Sunucuyla bağlantı koptu, yeniden bağlanılıyor…
playground-network-error = Sunucuya ulaşılamadı. Deneme alanının hâlâ çalıştığından emin olup yeniden deneyin.
playground-intro-more = Devamını okuyun
playground-intro-less = Daha az göster

## Tarih anketi: /poll_dates, /poll, /poll_close, /poll_cancel
cmd-poll = Tarih anketlerini ve sonuçlarını görün: /poll 1
cmd-poll-dates = Toplantı için tarih anketi başlatın
cmd-poll-close = Tarih anketini kapatıp toplantıyı oluşturun
cmd-poll-cancel = Bir tarih anketini iptal edin
poll-dates-usage =
    Kullanım: /poll_dates <başlık> | <tarih saat> | <tarih saat> [| …] [| son: <tarih saat>]
    Örnek: /poll_dates Mart toplantısı | 17 Mart 2027 10:00 | 24 Mart 2027 14:00 | son: 10 Mart 2027 18:00
    2 ile 6 arasında tarih yazın; tarihleri /meeting_new komutundaki gibi yazabilirsiniz. “son:” ile başlayan son bölüm oylamanın biteceği zamandır ve isteğe bağlıdır.
poll-title-empty = Anketin bir başlığı olmalıdır; başlığı ilk | işaretinden önce yazın.
poll-title-too-long = Başlık en fazla { $max } karakter olabilir; yazdığınız başlık { $length } karakter.
poll-too-few = Bir tarih anketinde en az { $min } tarih seçeneği olmalıdır; siz { $count } seçenek yazdınız. Seçenekleri | ile ayırın.
poll-too-many = Bir tarih anketinde en fazla { $max } tarih seçeneği olabilir; siz { $count } seçenek yazdınız.
poll-candidate-problem = { $position }. seçenek: { $problem }
poll-same-candidates = { $first }. ve { $second }. seçenekler aynı tarih ve saati gösteriyor. Her seçenek farklı bir tarih ya da saat olmalıdır.
poll-deadline-problem = Son oylama tarihi: { $problem }
poll-deadline-not-last = “son:” ile başlayan bölüm en sonda olmalıdır; örnek: /poll_dates Mart toplantısı | 17 Mart 2027 10:00 | 24 Mart 2027 14:00 | son: 10 Mart 2027 18:00
poll-deadline-after-candidate = Son oylama tarihi en erken seçenekten önce olmalıdır: oylama, seçeneklerden ilki gelmeden bitmelidir.
poll-no-chats = Bu ağa bağlı bir sohbet yok; anket kartını gösterecek bir yer olmadığı için anket oluşturulmadı. Önce bir grubu /link ile ağa bağlayın.
poll-created = ✅ Tarih anketi { $number } oluşturuldu ({ $count } seçenek). Anket kartı ağa bağlı { $chats } sohbete gönderiliyor.
poll-created-deadline = Son oylama tarihi: { $when }
poll-created-nudge = Henüz oy vermemiş üyelere özel mesajla bir hatırlatma gönderilecek: { $when }
poll-created-no-nudge = Son oylama tarihine bir günden az kaldığı için hatırlatma gönderilmeyecek.
poll-created-no-deadline = Son oylama tarihi belirtilmedi; oylama, anketi /poll_close { $number } <seçenek numarası> ile kapattığınızda biter.
poll-card-heading = 🗓 <b>Tarih anketi { $number }</b>: { $title }
poll-card-how = Size uyan tarihleri işaretleyin: her tarih için ✅ katılabilirim · 🤷 gerekirse katılabilirim · ❌ katılamam. Oyunuzu oylama bitene kadar değiştirebilirsiniz.
poll-card-candidate = { $position }) { $when }
poll-card-counts = ✅ { $yes } kişi ({ $organisations } kurumdan) · 🤷 { $maybe } kişi gerekirse
poll-card-suggested = ⭐ Önerilen: { $position }. seçenek — en çok kurumun katılabildiği tarih (eşitlikte en çok kişinin katılabildiği, o da eşitse en erken olan).
poll-card-no-suggestion = Henüz “katılabilirim” diyen olmadı; önerilen tarih ilk oylardan sonra görünecek.
poll-card-deadline = Son oylama tarihi: { $when }
poll-card-voters = Oy veren: { $count } kişi
poll-card-ended = Oylama sona erdi; koordinatörler tarihi yakında açıklayacak.
poll-card-closed = ✔️ <b>Anket kapandı.</b> Seçilen tarih: { $position }) { $when }
poll-card-result = Sonuç: { $number }. toplantı, { $when }
poll-card-cancelled = ❌ <b>Bu tarih anketi iptal edildi.</b>
poll-vote-yes = { $position }. seçenek: Katılabilirim ✅
poll-vote-maybe = { $position }. seçenek: Gerekirse katılabilirim 🤷
poll-vote-no = { $position }. seçenek: Katılamam ❌
poll-vote-closed = Bu tarih anketinde oylama sona erdi; oy verilemez ve verilen oylar değiştirilemez.
poll-vote-cancelled = Bu tarih anketi iptal edildi; oy alınmıyor.
poll-vote-not-member = Oy verebilmek için önce ağa katılın: ağın grubunda /join yazın.
poll-usage = Kullanım: /poll (açık anketler) ya da /poll <numara>, örneğin /poll 1
poll-unknown = Bu ağda { $number } numaralı bir tarih anketi yok. Açık anketler için /poll yazın.
poll-none-open = Şu anda açık bir tarih anketi yok. Koordinatörler /poll_dates ile yeni bir anket başlatabilir.
poll-open-heading = <b>Sonuçlanmamış tarih anketleri</b>
poll-open-line = Tarih anketi { $number }: { $title } ({ $candidates } seçenek, { $voters } kişi oy verdi). Ayrıntılar için /poll { $number } yazın.
poll-summary-status = Durum: { $status }
poll-status-open = oylama sürüyor
poll-status-ended = oylama sona erdi, sonuç bekleniyor
poll-status-closed = kapandı
poll-status-cancelled = iptal edildi
poll-summary-counts = { $position }) { $when }: ✅ { $yes } kişi · { $organisations } kurum · 🤷 { $maybe } · ❌ { $no }
poll-names-yes = ✅ Katılabilir: { $names }
poll-names-maybe = 🤷 Gerekirse: { $names }
poll-names-no = ❌ Katılamaz: { $names }
poll-close-usage =
    Kullanım: /poll_close <anket numarası> <seçenek numarası> [| yer | gündem maddeleri, ; ile ayrılmış]
    Örnek: /poll_close 1 2 | Buca1923 Mevlana Kafe | Mevzuat ve Strateji; Güç İlişkileri
poll-already-closed = Tarih anketi { $number } zaten kapandı.
poll-already-closed-meeting = Tarih anketi { $number } zaten kapandı; bu anketten { $meeting }. toplantı oluşturuldu.
poll-already-cancelled = Tarih anketi { $number } iptal edilmiş; artık kapatılamaz ya da yeniden iptal edilemez.
poll-bad-position = Tarih anketi { $number } için 1 ile { $count } arasında bir seçenek numarası yazın.
poll-candidate-past = { $position }. seçeneğin tarihi geçti; geçmiş bir tarihe toplantı oluşturulamaz. Başka bir seçenek seçin ya da anketi /poll_cancel ile iptal edin.
poll-closed-done = ✅ Tarih anketi { $number } kapandı. Anket kartları güncelleniyor; oy veren { $voters } kişiye sonuç özel mesajla gönderilecek.
poll-closed-add-both = Yeri ve gündemi /meeting_edit { $number } venue … ve /meeting_edit { $number } agenda … ile ekleyebilirsiniz.
poll-closed-add-venue = Yeri /meeting_edit { $number } venue … ile ekleyebilirsiniz.
poll-closed-add-agenda = Gündemi /meeting_edit { $number } agenda … ile ekleyebilirsiniz.
poll-cancel-usage = Kullanım: /poll_cancel <anket numarası>, örneğin /poll_cancel 1
poll-cancel-done = Tarih anketi { $number } iptal edildi; anket kartları güncelleniyor. Oy verenlere ayrıca mesaj gönderilmez.
poll-nudge = 🗓 Tarih anketi { $number } (“{ $title }”) için henüz oy vermediniz. Son oylama tarihi: { $when }. Size uyan tarihleri ağın grubundaki anket kartından işaretleyebilirsiniz.
poll-result =
    🗓 Oy verdiğiniz “{ $title }” tarih anketi sonuçlandı.
    { $number }. toplantı: { $when }
    Davet ayrıca gönderilecek. Oyunuz için teşekkür ederiz.

## Takvim aboneliği: /calendar, /network_set public_calendar
cmd-calendar = Toplantılarınızı takvim uygulamanıza abone olarak ekleyin
calendar-private-only = Takvim bağlantınız size özeldir; bu yüzden onu yalnızca özel mesajla gönderebilirim. Lütfen { $link } bağlantısını açın ve orada /calendar yazın.
calendar-usage = Kullanım: /calendar (takvim bağlantınız) ya da /calendar sıfırla (yeni bir bağlantı; eskisi hemen geçersiz olur)
calendar-not-served = Takvim aboneliği bu kurulumda henüz açık değil; lütfen ağın koordinatörlerine bildirin.
calendar-link =
    <b>Takvim aboneliği</b>
    Bağlantıyı takvim uygulamanıza ekleyin: üyesi olduğunuz ağların toplantıları (önümüzdeki toplantılar ve son 12 ay) takviminizde görünür; tarih değişiklikleri ve iptaller de kendiliğinden güncellenir.
    <code>{ $url }</code>
    Apple Takvim ya da Outlook için bu adresi de kopyalayabilirsiniz: <code>{ $webcal }</code>
    Google Takvim’de (bilgisayardan, calendar.google.com’da) “Diğer takvimler” yanındaki + → “URL ile”, Apple Takvim’de Dosya → “Yeni Takvim Aboneliği”, Outlook’ta “Takvim ekle” → “Web’den abone ol” seçeneğini kullanın.
    Bu bağlantı size özeldir ve yanıtlarınızı da gösterir; kimseyle paylaşmayın. Yeni bir bağlantı için: /calendar sıfırla
calendar-reset-done = Yeni takvim bağlantınız hazır. Eski bağlantı artık çalışmıyor; takvim uygulamanızdan eski aboneliği kaldırıp yenisini ekleyin.
calendar-already = Takvim bağlantınızı daha önce gönderdim; yanıtladığım mesajda bulabilirsiniz. Bağlantıyı kaybettiyseniz ya da başkasıyla paylaştıysanız /calendar sıfırla yazın: yeni bir bağlantı oluşturulur ve eskisi hemen çalışmaz olur.
calendar-answer = Yanıtınız: { $answer }
calendar-answer-yes = Katılıyorum
calendar-answer-yes-party = Katılıyorum ({ $people } kişi)
calendar-answer-waitlisted = Katılıyorum (bekleme listesindesiniz)
calendar-answer-maybe = Belki
calendar-answer-no = Katılamıyorum
calendar-answer-none = Henüz yanıt vermediniz (davet kartındaki düğmelerle yanıtlayabilirsiniz).
network-set-usage-public-calendar = public_calendar evet ya da hayır (yes/no; ağın toplantılarını yanıtlar ve isimler olmadan gösteren, paylaşılabilir bir takvim bağlantısı; bağlantıyı yalnızca koordinatörler görür)
network-set-bad-public-calendar = public_calendar için evet ya da hayır yazın, örneğin: /network_set public_calendar evet
network-public-calendar-on =
    Herkese açık takvim: <code>{ $url }</code>
    Bu takvimde toplantıların tarihi, yeri ve gündemi yer alır; yanıtlar ve isimler yer almaz. Kapatmak için: /network_set public_calendar hayır
network-public-calendar-off = Herkese açık takvim kapalı (açmak için: /network_set public_calendar evet)
network-public-calendar-private = Herkese açık takvim açık. Bağlantısı yalnızca koordinatörlere, özel mesajla gösterilir: görmek için bana özel mesajla /network yazın.
network-public-calendar-enabled = Herkese açık takvim açıldı.
network-public-calendar-already-on = Herkese açık takvim zaten açık.
network-public-calendar-disabled = Herkese açık takvim kapatıldı; eski bağlantısı artık çalışmıyor.
network-public-calendar-already-off = Herkese açık takvim zaten kapalı.
network-public-calendar-sent = Bağlantısını size özel mesajla gönderdim.
network-public-calendar-start-me = Bağlantıyı size özel mesajla gönderemedim; size özel mesajla ulaşamıyorum. Lütfen { $link } bağlantısını açıp Başlat’a basın, ardından bana özel mesajla /network yazın.
privacy-mydata-calendar-none = Takvim aboneliğiniz yok.
privacy-mydata-calendar-never = Takvim aboneliğiniz var (/calendar); bağlantısı henüz hiç kullanılmadı.
privacy-mydata-calendar-fetched = Takvim aboneliğiniz var (/calendar); takvim uygulamanız bağlantıyı en son şu zamanda kullandı: { $when }.
poll-summary-votes-retired = Bu anketin oyları, saklama süresi ({ $months } ay) dolduğu için silindi.
meeting-agenda-none = <b>Gündem</b>: henüz belirlenmedi
poll-closed-invite = Davetleri göndermek için, toplantı bilgileri tamamlanınca /invite { $number } yazın.
rotation-asked = { $number }. toplantının ev sahipliği için yanıtı bekleniyor
rotation-next-asked = Sıradaki: { $org }. Bütün kurumlara sıra gelmiş durumda; { $number }. toplantı için bu kurumun yanıtı bekleniyor.
poll-ended-intro = 📊 Tarih anketinde oylama sona erdi; toplantı tarihini artık belirleyebilirsiniz.
poll-ended-close = Önerilen seçenekle toplantıyı oluşturmak için: /poll_close { $number } { $position } (yer ve gündemi isterseniz | ile ekleyebilirsiniz). Başka bir seçeneği de seçebilir ya da anketi /poll_cancel { $number } ile iptal edebilirsiniz.
poll-ended-close-none = Hiçbir seçeneğe “katılabilirim” denmedi. Yine de bir seçenekle toplantı oluşturmak için /poll_close { $number } <seçenek numarası> yazın ya da anketi /poll_cancel { $number } ile iptal edin.
poll-own = Sizin oylarınız: { $answers }
poll-own-none = Bu ankette henüz oy vermediniz; oyunuzu ağın grubundaki anket kartından verebilirsiniz.

## Confidential venues and support needs: planning
reminder-kind-organiser-eve = koordinatörlere toplantı öncesi özet (1 gün önce)
reminder-kind-venue-reveal = katılımı onaylananlara adres bildirimi ({ $offset } önce)
host-checklist-accessibility = Erişilebilirliği kontrol edin: basamaksız giriş, engelli tuvaleti, sessiz oda ya da çocuk odası; gerekiyorsa tercüman ayarlayın.
host-step-accessibility = erişilebilirlik ve destek

## Support needs
cmd-needs = Destek ihtiyaçlarınızı bildirin (çocuk bakımı, ulaşım, tercüme…)
needs-label-childcare = çocuk bakımı
needs-label-transport = ulaşım desteği
needs-label-interpretation-tid = TİD tercüme
needs-label-interpretation-kurdish = Kürtçe tercüme
needs-label-interpretation-arabic = Arapça tercüme
needs-label-interpretation-other = başka dilde tercüme
needs-label-accessibility = erişilebilirlik
needs-label-diet = beslenme
needs-button-childcare = 👶 Çocuk bakımı
needs-button-transport = 🚌 Ulaşım desteği
needs-button-interpretation-tid = 🗣️ TİD tercüme
needs-button-interpretation-kurdish = 🗣️ Kürtçe tercüme
needs-button-interpretation-arabic = 🗣️ Arapça tercüme
needs-button-interpretation-other = 🗣️ Başka bir dil…
needs-button-accessibility = ♿ Erişilebilirlik
needs-button-diet = 🥗 Beslenme…
needs-button-clear = 🧹 Hepsini kaldır
needs-button-on = ✅ { $label }
needs-prompt =
    🤝 <b>{ $number }. toplantı: destek ihtiyaçlarınız</b>
    Katılabilmeniz için çocuk bakımı, ulaşım, tercüme, erişilebilirlik ya da beslenme konusunda desteğe ihtiyacınız varsa aşağıdan seçebilirsiniz. Koordinatörler ve ev sahibi kurumun irtibat kişileri yalnızca toplam sayıları ve yazdığınız açıklamaları görür; adınız paylaşılmaz.
needs-current = Bildirdiğiniz ihtiyaçlar: { $needs }
needs-current-none = Henüz bir destek ihtiyacı bildirmediniz.
needs-how = Komutla da yazabilirsiniz: /needs { $number } çocuk bakımı, ulaşım · hepsini kaldırmak için: /needs { $number } yok
needs-saved = ✅ Destek ihtiyaçlarınızı kaydettim.
needs-cleared = ✅ Destek ihtiyaçlarınızı kaldırdım.
needs-added-toast = Eklendi: { $need }
needs-removed-toast = Kaldırıldı: { $need }
needs-cleared-toast = Bütün destek ihtiyaçlarınız kaldırıldı.
needs-not-yours = Bu düğme size ait değil; hiçbir şey değişmedi.
needs-usage = Kullanım: /needs <numara> [ihtiyaçlar], örneğin /needs 25 çocuk bakımı, TİD tercümesi, beslenme: vejetaryen. Yalnızca /needs 25 yazarsanız bildirdiklerinizi gösteririm; /needs 25 yok hepsini kaldırır.
needs-private-only = Destek ihtiyaçları kişiseldir; lütfen bunları bana özel mesajla bildirin: { $link } bağlantısını açıp orada /needs yazabilirsiniz.
needs-unknown-words = Şunları bir destek ihtiyacı olarak tanıyamadım: { $words }. Şunları yazabilirsiniz: { $accepted }. Hiçbir şey değişmedi.
needs-missing-interpretation-other = Tercüme için dili de yazın: TİD tercümesi, Kürtçe tercüme, Arapça tercüme ya da başka bir dilin adıyla (örneğin Farsça tercüme). Hiçbir şey değişmedi.
needs-missing-diet = Beslenme ihtiyacınızı da yazın, örneğin beslenme: vejetaryen. Hiçbir şey değişmedi.
needs-too-long = “{ $need }” için yazdığınız metin { $length } karakter; en çok { $max } karakter olabilir. Hiçbir şey değişmedi.
needs-text-empty = Boş bir metni kaydedemem; lütfen ihtiyacınızı yazın.
needs-refused-unknown-meeting = Bu toplantı artık yok; hiçbir şey değişmedi.
needs-refused-cancelled = { $number }. toplantı iptal edildi; destek ihtiyacı bildirilemez. Hiçbir şey değişmedi.
needs-refused-over = { $number }. toplantı başladı ya da sona erdi; destek ihtiyaçları artık değiştirilemez. Hiçbir şey değişmedi.
needs-refused-not-member = Destek ihtiyacı bildirebilmek için önce ağa katılın: ağın grubunda /join yazın.
needs-refused-not-answered = Destek ihtiyacını, toplantıya “evet” ya da “belki” yanıtı verenler bildirebilir. Önce { $number }. toplantıya yanıt verin (/rsvp { $number } evet ya da /rsvp { $number } belki), sonra ihtiyaçlarınızı bildirin. Hiçbir şey değişmedi.
needs-refused-answered-no = { $number }. toplantıya katılamayacağınızı bildirdiniz. Destek ihtiyacını, toplantıya “evet” ya da “belki” yanıtı verenler bildirebilir; yanıtınızı değiştirirseniz (/rsvp { $number } evet) ihtiyaçlarınızı bildirebilirsiniz. Hiçbir şey değişmedi.
needs-ask-interpretation-other = { $number }. toplantı için hangi dilde tercümeye ihtiyacınız var? Lütfen bu mesajı yanıtlayarak yazın (en çok { $max } karakter). Yazdığınız, adınız olmadan iletilir; lütfen adınızı ya da sizi tanıtacak bir bilgi yazmayın.
needs-ask-diet = { $number }. toplantı için beslenme ihtiyacınızı yazar mısınız (örneğin vejetaryen, glutensiz)? Lütfen bu mesajı yanıtlayarak yazın (en çok { $max } karakter). Yazdığınız, adınız olmadan iletilir; lütfen adınızı ya da sizi tanıtacak bir bilgi yazmayın.
needs-placeholder-interpretation-other = Örneğin Farsça
needs-placeholder-diet = Örneğin vejetaryen
needs-totals = <b>Destek ihtiyaçları</b> (toplam sayılar, isimsiz): { $totals }
needs-totals-none = Şu ana kadar destek ihtiyacı bildirilmedi.
needs-total = { $need }: { $count }
needs-total-texts = { $need }: { $count } ({ $texts })
needs-total-text-times = { $text } ×{ $count }
needs-eve =
    📋 <b>Yarın { $number }. toplantı var: son durum</b>
    Tarih: { $when }
    Yer: { $venue }

## Confidential venues (gizli toplantı yeri)
venue-confidential = { $district } · Adres, katılımı onaylananlara özel mesajla bildirilecek
venue-confidential-no-district = Adres, katılımı onaylananlara özel mesajla bildirilecek
meeting-venue-hidden = gizli
meeting-venue-confidential = 🔒 Adres, katılımı onaylananlara özel mesajla bildirilecek.
meeting-venue-private-revealed = 🔒 Bu toplantının yeri gizlidir: grupta ve davet kartlarında yalnızca ilçe görünür. Lütfen adresi paylaşmayın.
meeting-value-hidden = gizli (grupta gösterilmez)
meeting-value-yes = evet
meeting-value-no = hayır
meeting-field-district = ilçe
meeting-field-venue-private = gizli yer
meeting-edit-usage-venue = Gizli yer için: district (grupta görünecek ilçe, ör. Buca; kaldırmak için yok), venue_private (evet ya da hayır; evet: yer ve adres yalnızca katılımı onaylananlara özel mesajla bildirilir)
meeting-edit-place-in-group = 🔒 { $number }. toplantının yeri gizli olduğu için yeni bilgiyi burada göstermedim. Gruba yazdığınız mesajı silmenizi öneririm; yer ve adres değişikliklerini lütfen bundan sonra bana özel mesajla yazın.
ics-venue-confidential = Adres, katılımı onaylananlara özel mesajla bildirilecek.
minutes-fact-venue-confidential = Yer: { $district } (adres gizli tutuldu)
venue-reveal-heading = 🔒 <b>{ $number }. toplantının yeri</b>
venue-reveal-keep = Katılımınızı onayladığınız için bu bilgiyi yalnızca size gönderiyorum. Toplantı yeri gizlidir; lütfen adresi kimseyle paylaşmayın.
venue-reveal-undelivered = ⚠️ { $number }. toplantının gizli adresi şu kişiye iletilemedi: { $name }. Botu engellemiş ya da hiç başlatmamış olabilir; adresi kendisine güvenli bir yoldan bildirmeniz gerekebilir.
venue-private-on = 🔒 { $number }. toplantının yeri artık gizli. Grupta, davet kartlarında ve katılımı onaylanmamış kişilerin takvimlerinde yalnızca ilçe görünecek. Adres, katılımı onaylananlara toplantıdan { $hours } saat önce ({ $when }) özel mesajla gönderilecek.
venue-private-on-now = Bu zaman geçtiği için adres, katılımı onaylanan { $count } kişiye şimdi özel mesajla gönderiliyor.
venue-private-on-district = Grupta görünecek ilçe: { $district }
venue-private-on-no-district = Grupta görünecek ilçeyi de ekleyin, örneğin: /meeting_edit { $number } district Buca
venue-private-already-on = { $number }. toplantının yeri zaten gizli.
venue-private-already-off = { $number }. toplantının yeri zaten gizli değil.
venue-private-confirm = { $number }. toplantının yerini herkese açmak istediğinizden emin misiniz? Yer ve adres grupta, davet kartlarında ve takvimlerde görünecek. Onaylamak için aşağıdaki düğmeye basın.
venue-private-confirm-button = Evet, yeri herkese aç
venue-private-off = 🔓 { $number }. toplantının yeri artık gizli değil: yer ve adres grupta, davet kartlarında ve takvimlerde görünüyor.
venue-private-off-toast = Toplantı yeri herkese açıldı.
venue-private-bad-value = venue_private için evet ya da hayır yazın, örneğin: /meeting_edit { $number } venue_private evet
venue-private-held = Bu toplantının zamanı geçti; yerinin gizliliği artık değiştirilemez.
network-settings-venue-reveal = Gizli toplantı yerinin bildirilmesi: toplantıdan { $hours } saat önce
network-set-usage-venue-reveal = venue_reveal_hours (gizli toplantı yerinin, katılımı onaylananlara toplantıdan kaç saat önce bildirileceği, 1–336; varsayılan 48)
network-set-bad-reveal-hours = Bildirim süresi { $min } ile { $max } arasında bir tam sayı (saat) olmalıdır, örneğin: /network_set venue_reveal_hours 48
needs-total-more-texts = …ve { $count } farklı ihtiyaç daha

venue-private-on-host = Ev sahibi kurumun adı grupta ve kartlarda görünmeye devam eder; toplantı kurumun bilinen adresinde yapılıyorsa bunu göz önünde bulundurun.

## Görev takibi: toplantıdan önce görev sorumlularına sorulan durum (özel mesajla)
task-status-open = ⚪ Durum bildirilmedi
task-status-in-progress = ⏳ Sürüyor
task-status-blocked = ⛔ Engel var
task-status-done = ✅ Tamamlandı
task-status-blocked-because = { $status }: { $reason }
task-organisation-none = Kurumu belirtilmemiş
task-checkin-heading = 📋 <b>Görev takibi</b> — { $number }. toplantı yaklaşıyor ({ $when }).
task-checkin-heading-fallback = 📋 <b>Görev takibi</b> — { $number }. toplantının üzerinden 30 gün geçti.
task-checkin-task-person = { $number }. toplantıda size verilen görev:
task-checkin-task-organisation = { $number }. toplantıda kurumunuza ({ $organisation }) verilen görev:
task-checkin-due = Son tarih: { $due }
task-checkin-no-due = Son tarih belirtilmemiş
task-checkin-gone = Bu görev tutanaktan çıkarıldı; durumunu bildirmenize gerek yok.
task-checkin-done = ✅ Bu görev tamamlandı olarak kaydedildi. Teşekkür ederiz!
task-checkin-current = Son bildirilen durum: { $status }
task-checkin-question = Bu görev ne durumda? Aşağıdaki düğmelerden birine basmanız yeterli.
task-checkin-question-again = Durum değişirse düğmelerden birine yeniden basabilirsiniz.
task-checkin-one-answer = Kurumunuzun irtibat kişilerinden birinin yanıt vermesi yeterlidir.
task-checkin-button-done = ✅ Tamamlandı
task-checkin-button-progress = ⏳ Sürüyor
task-checkin-button-blocked = ⛔ Engel var
task-checkin-unknown = Bu görev artık yok (tutanaktan çıkarılmış olabilir); hiçbir şey değiştirilmedi.
task-checkin-already-done = Bu görev zaten tamamlanmıştı; hiçbir şey değiştirilmedi.
task-checkin-not-owner = Bu görevin durumunu yalnızca sorumlusu (ya da sorumlu kurumun bir üyesi) bildirebilir; hiçbir şey değiştirilmedi.
task-checkin-ask-reason = #{ $id } numaralı görevin önündeki engel nedir? Lütfen bu mesaja yanıt olarak kısaca yazın (en fazla { $max } karakter); yazdığınız, isimler gizlenerek bir sonraki toplantının kartında da görünür. Vazgeçmek için /cancel_dialog yazabilirsiniz.
task-checkin-reason-placeholder = Örneğin: salon henüz ayarlanamadı
task-checkin-reason-empty = Engeli anlatan bir metin göremedim; lütfen kısa bir cümleyle yazın. Vazgeçmek için /cancel_dialog yazabilirsiniz.
reason-too-long = Yazdığınız metin çok uzun ({ $length } karakter); en fazla { $max } karakter olabilir. Lütfen kısaltıp yeniden gönderin.
task-checkin-saved-done = ✅ Teşekkürler, görev tamamlandı olarak kaydedildi.
task-checkin-saved-progress = ⏳ Teşekkürler, görev “Sürüyor” olarak kaydedildi.
task-checkin-saved-blocked = ⛔ Teşekkürler; #{ $id } numaralı görevdeki engel kaydedildi. Koordinatörler toplantıdan önce bunu görecek; engel, isimler gizlenerek bir sonraki toplantının kartında da yer alır.
task-summary-heading = 📋 <b>{ $number }. toplantı öncesi görev durumu</b> ({ $when })
task-summary-totals = Toplam: { $done } tamamlandı · { $progress } sürüyor · { $blocked } engel var · { $silent } yanıt yok
task-summary-done = ✅ Tamamlandı ({ $count })
task-summary-in-progress = ⏳ Sürüyor ({ $count })
task-summary-blocked = ⛔ Engel var ({ $count })
task-summary-no-answer = ❔ Yanıt yok ({ $count })
task-summary-last = son bildirilen: { $status }
minutes-section-follow-up = Önceki toplantıdan görevler

# Karar kaydı (/decisions, /decision_supersede) ve tutanağa itiraz (İtirazım var, /objection_resolve).
cmd-decisions = Ağın karar kaydına bakın ya da bir kelimeyle arayın: /decisions Karşıyaka
cmd-decision-supersede = Bir kararın yerine daha sonra alınan bir kararın geçtiğini kaydedin: /decision_supersede 25/3 27/1
cmd-objection-resolve = Tutanağa yapılan bir itirazı yanıtlayın
decision-number-of = { $number }'{ $suffix }
decision-replaces = { $numbers } yerine geçer
decision-replaced-by = { $number } ile değişti
decision-register-heading = Karar kaydı ({ $number }. toplantıya kadar)
decision-register-empty = Henüz kayıtlı karar yok.
decisions-heading = 📚 <b>Karar kaydı</b> ({ $count } karar, en yeniler önce)
decisions-heading-found = 🔎 <b>Aramanıza uyan kararlar</b> ({ $count })
decisions-none = Yayımlanmış tutanaklarda henüz karar yok. Kararlar, tutanak /minutes_publish ile yayımlandığında numaralanır.
decisions-none-found = Aramanıza uyan bir karar bulunamadı. Tüm kararlar için /decisions yazın.
decisions-replaced-heading = <i>Yerine yenisi geçen kararlar</i>
decisions-usage = Kullanım: /decisions ya da /decisions <aranacak kelime>, örneğin /decisions Karşıyaka; tek bir karar için /decisions 25/3
decision-supersede-usage = Kullanım: /decision_supersede <eski karar> <yeni karar>, örneğin /decision_supersede 25/3 27/1 (karar numaralarını /decisions gösterir)
decision-supersede-done = ✅ Kaydedildi: { $old } numaralı kararın yerine { $new } numaralı karar geçti.
decision-supersede-unknown = { $number } numaralı bir karar bulunamadı; kayıt değiştirilmedi. Kararları ve numaralarını görmek için /decisions yazın.
decision-supersede-same = Bir karar kendi yerine geçemez; iki farklı karar numarası yazın, örneğin /decision_supersede 25/3 27/1
decision-supersede-older = { $new } numaralı karar, { $old } numaralı karardan önce alınmış; bir kararın yerine ancak daha sonra alınan bir karar geçebilir. Önce eski, sonra yeni kararı yazın; kayıt değiştirilmedi.
decision-supersede-already = { $old } numaralı kararın yerine zaten { $by } numaralı karar geçmiş; kayıt değiştirilmedi.
decision-supersede-replacement-replaced = { $new } numaralı kararın yerine de { $by } numaralı karar geçmiş; lütfen güncel kararın numarasını yazın. Kayıt değiştirilmedi.
minutes-kind-decision-numbered = [Karar { $number }]
minutes-approve-objections = Bu tutanağa { $count } itiraz yapılmıştı; { $unresolved ->
    [0] hepsi yanıtlandı.
   *[other] { $unresolved } tanesi yanıtsız kaldı.
} Onaylanan tutanak koordinatörlere dosya olarak gönderiliyor.
minutes-approve-stale = Bu onay düğmesi artık geçerli değil: tutanağın yeni bir sürümü yayımlandı ya da yeni bir itiraz geldi. Lütfen /minutes_approve { $number } komutunu yeniden yazın.
minutes-approved-caption = { $number }. toplantı tutanağı, { $version }. sürüm (onaylandı)
minutes-file-approved = onayli
approve-confirm-heading = ⚠️ { $number }. toplantının tutanağına yapılan { $count } itiraz henüz yanıtlanmadı:
approve-confirm-line = • #{ $number } ({ $about }): { $text }
approve-confirm-question = İtirazları /objection_resolve { $number } &lt;itiraz no&gt; &lt;yanıt&gt; ile yanıtlayabilir ya da tutanağı yine de onaylayabilirsiniz. Yanıtlanmayan itirazlar, onaylanan tutanakta “yanıtsız kaldı” olarak yer alır.
approve-confirm-button = ✅ Yine de onayla
approval-heading = Onay
approval-when = Onaylandı: { $when }
approval-objections = { $count ->
    [0] Bu tutanağa itiraz yapılmadı.
   *[other] İtirazlar: { $count } ({ $resolved } yanıtlandı, { $unresolved } yanıtsız kaldı)
}
objection-record-line = #{ $number } (sürüm { $version }, { $about }): “{ $text }” — { $answer }
objection-record-resolved = yanıt: { $resolution }
objection-record-unresolved = yanıtsız kaldı (tutanak yine de onaylandı)
objection-about-entry = { $entry } numaralı kayıt
objection-about-all = tutanağın geneli
objection-button = ✋ İtirazım var
objection-members-only = Tutanağa yalnızca ağın üyeleri itiraz edebilir.
objection-window-closed = { $number }. toplantının tutanağı için itiraz süresi { $when } itibarıyla sona erdi. İletmek istediğiniz bir şey varsa koordinatörlere doğrudan yazabilirsiniz.
objection-not-published = { $number }. toplantının tutanağı henüz yayımlanmadı.
objection-approved = { $number }. toplantının tutanağı onaylandı; artık itiraz alınmıyor.
objection-cancelled = { $number }. toplantı iptal edildi; itiraz edilecek bir tutanağı yok.
objection-ask =
    ✋ <b>{ $number }. toplantının tutanağına itiraz</b> (sürüm { $version })
    İtirazınızı bu mesaja yanıt olarak tek mesajda yazın (en fazla { $max } karakter). Belirli bir kayda itiraz ediyorsanız kayıt numarasıyla başlayın, örneğin: <i>3: karar metni yanlış yazılmış</i>
    İtirazınız yalnızca koordinatörlere ve tutanak sorumlusuna özel mesajla iletilir. Vazgeçmek için /cancel_dialog yazın.
objection-placeholder = 3: itirazınız…
objection-asked-privately = Size özel mesaj gönderdim; itirazınızı oraya yazabilirsiniz.
objection-start-me = Size özel mesaj gönderemedim. Önce @{ $bot } ile özel sohbeti açıp /start yazın, sonra düğmeye yeniden basın.
objection-empty = İtiraz metni boş olamaz; lütfen itirazınızı yazın (kayıt numarasından sonra da bir açıklama gerekir).
objection-too-long = İtirazınız çok uzun ({ $length } karakter); en fazla { $max } karakter olabilir. Lütfen kısaltıp yeniden yazın.
objection-unknown-entry = { $number }. toplantının yayımlanan tutanağında { $entry } numaralı bir kayıt yok. Lütfen kayıt numarasını düzelterek ya da numara vermeden yeniden yazın.
objection-recorded = ✅ İtirazınız kaydedildi ({ $number }. toplantı, { $version }. sürüm, itiraz #{ $objection }). Koordinatörlere ve tutanak sorumlusuna özel mesajla iletiliyor; yanıt verildiğinde size bildireceğim.
objection-window-open = ✋ İtiraz süresinin sonu: { $when }
objection-card-heading = <b>İtirazlar</b> ({ $count }; { $open ->
    [0] hepsi yanıtlandı
   *[other] { $open } tanesi yanıt bekliyor
})
objection-card-line =
    #{ $number } · { $about } · { $version }. sürüm · { $who }
    { $text }
    { $state }
objection-state-open = ⏳ Yanıt bekliyor
objection-state-resolved = ✅ Yanıt: { $resolution }
objection-objector-erased = (silinmiş kişi)
objection-notice-heading = ✋ <b>{ $number }. toplantının tutanağına itiraz</b> (#{ $objection }, { $version }. sürüm)
objection-notice-from = Kimden: { $who }
objection-notice-entry = İtiraz edilen kayıt ({ $entry }): { $text }
objection-notice-how = Yanıtlamak için: /objection_resolve { $number } { $objection } &lt;yanıtınız&gt;
objection-answer-heading = 📝 <b>{ $number }. toplantının tutanağına yaptığınız itiraza (#{ $objection }) yanıt verildi:</b>
objection-answer-yours = İtirazınız: <i>{ $text }</i>
objection-resolve-usage = Kullanım: /objection_resolve <toplantı> <itiraz no> <yanıt>, örneğin /objection_resolve 25 2 Karar metni 3. sürümde düzeltildi. İtirazları bana özel mesajla /minutes 25 yazarak görebilirsiniz.
objection-resolve-too-long = Yanıt çok uzun ({ $length } karakter); en fazla { $max } karakter olabilir.
objection-resolve-resolved = ✅ { $number }. toplantının tutanağına yapılan #{ $objection } numaralı itiraz yanıtlandı; yanıt, itiraz eden kişiye özel mesajla iletiliyor.
objection-resolve-unknown = { $number }. toplantının tutanağında #{ $objection } numaralı bir itiraz yok. İtirazları görmek için bana özel mesajla /minutes { $number } yazın.
objection-resolve-already = #{ $objection } numaralı itiraz zaten yanıtlanmıştı; yanıt değiştirilmedi.
objection-resolve-approved = { $number }. toplantının tutanağı onaylandı; itirazlara artık yanıt kaydedilemez.
network-settings-objection-days = Tutanağa itiraz süresi: her sürüm yayımlandıktan sonra { $days } gün
network-set-usage-objection-days = objection_days (üyelerin yayımlanan tutanağa kaç gün içinde itiraz edebileceği, 1–60; varsayılan 7)
network-set-bad-objection-days = İtiraz süresi { $min } ile { $max } arasında bir tam sayı (gün) olmalıdır, örneğin: /network_set objection_days 7
reminder-kind-task-checkins = görev sorumlularına durum sorusu ({ $offset } önce)
reminder-kind-task-summary = koordinatörlere görev durumu özeti ({ $offset } önce)
reminder-kind-task-checkin = görev sorumlusuna durum sorusu (toplantıdan 30 gün sonra)

objection-resolve-private-only = İtirazlara verilen yanıtlar koordinatörlerle itiraz eden kişi arasındadır; lütfen /objection_resolve komutunu bana özel mesajla yazın: { $link }
