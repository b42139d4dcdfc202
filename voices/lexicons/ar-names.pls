<?xml version="1.0" encoding="UTF-8"?>
<!-- Names that eSpeak NG misreads without their vowels. Each alias is the same name with its short vowels written,
     so any Arabic engine reads it right. W3C Pronunciation Lexicon Specification 1.0. -->
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="ar">
  <lexeme>
    <grapheme>بيراموف</grapheme>
    <alias>بَيْرامُوف</alias>
  </lexeme>
  <lexeme>
    <grapheme>علييف</grapheme>
    <alias>عَلِيِيف</alias>
  </lexeme>
  <lexeme>
    <grapheme>جيهون</grapheme>
    <alias>جَيْهُون</alias>
  </lexeme>
  <lexeme>
    <grapheme>إلهام</grapheme>
    <alias>إِلْهام</alias>
  </lexeme>
  <lexeme>
    <grapheme>نتنياهو</grapheme>
    <alias>نِتَنْياهُو</alias>
  </lexeme>
  <lexeme>
    <grapheme>الحداد</grapheme>
    <alias>الحَدّاد</alias>
  </lexeme>
</lexicon>
