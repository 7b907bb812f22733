# ortak — Türkçe (varsayılan dil)

## /start
start-private =
    Merhaba { $name }! Ben ortak.
    Ağınızın numaralı toplantılarını birlikte yürütmeniz için buradayım: davetleri gönderir, katılım yanıtlarını toplarım; ev sahipliği sırasını, yoklamayı, tutanakları ve eylem maddelerini takip eder, hatırlatmaları zamanında iletirim.
    Artık size özelden de yazabilirim. Kullanabileceğiniz komutlar için /help yazın.
start-group =
    Merhaba! Ben ortak; bu ağın toplantılarını, davetlerini ve hatırlatmalarını yönetirim.
    Komutlar için /help yazın. Hatırlatmaları özelden almak isteyenler bana özel mesajla /start göndersin.

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
unhandled-private = Bunu anlayamadım. Kullanabileceğiniz komutlar için /help yazın.
unhandled-command = { $command } diye bir komut tanımıyorum. Komutların listesi için /help yazın.
callback-stale = Bu düğme artık geçerli değil.
