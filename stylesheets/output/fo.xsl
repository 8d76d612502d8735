<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/output/fo.xsl — the document model (urn:cocom:document:1,
  model/document.rng) as XSL-FO 1.1, which cocom typesets (Apache FOP
  lays out the same FO).

  Every parameter and attribute set of the look lives here (page, type,
  colours, layout), so that a customisation layer importing a document's
  stylesheet (report.xsl, terms-of-reference.xsl ...) overrides them as
  before; base.xsl imports this file for the documents still made
  straight from the arrangement.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:d="urn:cocom:document:1"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="d exsl">

  <!-- ================================================================
       1. Parameters
       ================================================================ -->

  <!-- Tables whose columns hold names of any length (the membership
       table) are laid out automatically (table-layout="auto"): each
       column at least its longest word.  Apache FOP does not implement
       automatic layout ("not implemented yet" warning); with 'no' they
       use fixed proportions, which long names can overflow. -->
  <xsl:param name="table-layout-auto" select="'yes'"/>

  <!-- The least room a name still to write in by hand keeps in a table
       laid out automatically. -->
  <xsl:param name="blank-fill-width" select="'20mm'"/>

  <!-- Print, after each model paragraph, whether its wording is national
       or modelled, and its source (for reviewers).  yes / no. -->
  <xsl:param name="show-provenance" select="'no'"/>

  <!-- Page: A4 portrait. -->
  <xsl:param name="page-width" select="'210mm'"/>
  <xsl:param name="page-height" select="'297mm'"/>
  <xsl:param name="page-margin-top" select="'12mm'"/>
  <xsl:param name="page-margin-bottom" select="'10mm'"/>
  <xsl:param name="page-margin-left" select="'20mm'"/>
  <xsl:param name="page-margin-right" select="'20mm'"/>
  <xsl:param name="header-extent" select="'10mm'"/>
  <xsl:param name="footer-extent" select="'14mm'"/>
  <!-- Where the body starts below the top margin and stops above the
       bottom margin: room for the running header and footer. -->
  <xsl:param name="body-margin-top" select="'15mm'"/>
  <xsl:param name="body-margin-bottom" select="'18mm'"/>

  <!-- Type.  Arial, falling back to the metric-compatible Liberation Sans
       (NHS identity: Arial for internally produced documents; research
       §E).  12 pt body: the RNIB clear-print minimum.  Left-aligned, not
       justified; generous leading; no hyphenation. -->
  <xsl:param name="font-family" select="&quot;Arial, 'Liberation Sans', sans-serif&quot;"/>
  <xsl:param name="body-font-size" select="'12pt'"/>
  <xsl:param name="line-height" select="'1.4'"/>
  <xsl:param name="text-align" select="'start'"/>
  <xsl:param name="hyphenate" select="'false'"/>
  <xsl:param name="title-font-size" select="'20pt'"/>
  <xsl:param name="subtitle-font-size" select="'14pt'"/>
  <xsl:param name="section-font-size" select="'15pt'"/>
  <xsl:param name="subsection-font-size" select="'13pt'"/>
  <xsl:param name="subheading-font-size" select="$body-font-size"/>
  <xsl:param name="table-font-size" select="$body-font-size"/>
  <xsl:param name="running-font-size" select="'10pt'"/>

  <!-- NHS colours (NHS identity guidelines; research/domain.md §E). -->
  <xsl:param name="nhs-blue" select="'#005EB8'"/>
  <xsl:param name="nhs-dark-blue" select="'#003087'"/>
  <xsl:param name="nhs-bright-blue" select="'#0072CE'"/>
  <xsl:param name="nhs-light-blue" select="'#41B6E6'"/>
  <xsl:param name="nhs-aqua-blue" select="'#00A9CE'"/>
  <xsl:param name="nhs-black" select="'#231F20'"/>
  <xsl:param name="nhs-dark-grey" select="'#425563'"/>
  <xsl:param name="nhs-mid-grey" select="'#768692'"/>
  <xsl:param name="nhs-pale-grey" select="'#E8EDEE'"/>
  <xsl:param name="white" select="'#FFFFFF'"/>

  <!-- Colours by use. -->
  <xsl:param name="text-color" select="$nhs-black"/>
  <xsl:param name="heading-color" select="$nhs-blue"/>
  <xsl:param name="title-color" select="$nhs-blue"/>
  <xsl:param name="link-color" select="$nhs-blue"/>
  <xsl:param name="rule-color" select="$nhs-blue"/>
  <xsl:param name="running-color" select="$nhs-dark-grey"/>
  <xsl:param name="table-border-color" select="$nhs-mid-grey"/>
  <xsl:param name="table-head-background" select="$nhs-blue"/>
  <xsl:param name="table-head-color" select="$white"/>
  <xsl:param name="table-label-background" select="$nhs-pale-grey"/>
  <xsl:param name="blank-color" select="$nhs-dark-grey"/>

  <!-- Layout. -->
  <xsl:param name="para-number-width" select="'13mm'"/>
  <xsl:param name="list-label-width" select="'7mm'"/>
  <xsl:param name="para-space" select="'8pt'"/>
  <xsl:param name="table-cell-padding" select="'4pt'"/>
  <xsl:param name="table-border-width" select="'0.75pt'"/>

  <!-- Length of a visible blank: short (a word), medium, long (a line). -->
  <xsl:param name="blank-short" select="'35mm'"/>
  <xsl:param name="blank-medium" select="'60mm'"/>
  <!-- How far apart the dots of a blank and of the contents' leaders are
       (one dot and its gap); 'use-font-metrics' packs them edge to edge. -->
  <xsl:param name="dot-spacing" select="'0.55em'"/>
  <!-- Bullet characters, outer list and nested list. -->
  <xsl:param name="bullet" select="'&#x2022;'"/>
  <xsl:param name="bullet-nested" select="'&#x2013;'"/>

  <!-- ================================================================
       3. Attribute sets (override any of them in a layer)
       ================================================================ -->

  <xsl:attribute-set name="root">
    <xsl:attribute name="font-family"><xsl:value-of select="$font-family"/></xsl:attribute>
    <xsl:attribute name="font-size"><xsl:value-of select="$body-font-size"/></xsl:attribute>
    <xsl:attribute name="line-height"><xsl:value-of select="$line-height"/></xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$text-color"/></xsl:attribute>
    <xsl:attribute name="text-align"><xsl:value-of select="$text-align"/></xsl:attribute>
    <xsl:attribute name="hyphenate"><xsl:value-of select="$hyphenate"/></xsl:attribute>
    <!-- The language of the text (XSL 1.1 §7.10): its dictionary is
         where a word too wide for a narrow column is hyphenated rather
         than cut between letters. -->
    <xsl:attribute name="language">
      <xsl:value-of select="substring-before(concat($doc-lang, '-'), '-')"/>
    </xsl:attribute>
    <!-- "none" (§7.10.1) when the language names no country. -->
    <xsl:attribute name="country">
      <xsl:value-of select="concat(substring-after($doc-lang, '-'), substring('none', 1, 4 * not(contains($doc-lang, '-'))))"/>
    </xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="running">
    <xsl:attribute name="font-size"><xsl:value-of select="$running-font-size"/></xsl:attribute>
    <xsl:attribute name="line-height">1.25</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$running-color"/></xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="running.header">
    <xsl:attribute name="border-bottom">0.5pt solid <xsl:value-of select="$rule-color"/></xsl:attribute>
    <xsl:attribute name="padding-bottom">2pt</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="running.footer">
    <xsl:attribute name="border-top">0.5pt solid <xsl:value-of select="$rule-color"/></xsl:attribute>
    <xsl:attribute name="padding-top">3pt</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="title">
    <xsl:attribute name="font-size"><xsl:value-of select="$title-font-size"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="line-height">1.2</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$title-color"/></xsl:attribute>
    <xsl:attribute name="space-after">6pt</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="subtitle">
    <xsl:attribute name="font-size"><xsl:value-of select="$subtitle-font-size"/></xsl:attribute>
    <xsl:attribute name="line-height">1.3</xsl:attribute>
    <xsl:attribute name="space-after">12pt</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="section.heading">
    <xsl:attribute name="font-size"><xsl:value-of select="$section-font-size"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="line-height">1.25</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$heading-color"/></xsl:attribute>
    <xsl:attribute name="space-before">16pt</xsl:attribute>
    <xsl:attribute name="space-after">8pt</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="subsection.heading">
    <xsl:attribute name="font-size"><xsl:value-of select="$subsection-font-size"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="line-height">1.25</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$heading-color"/></xsl:attribute>
    <xsl:attribute name="space-before">12pt</xsl:attribute>
    <xsl:attribute name="space-after">6pt</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="subheading">
    <xsl:attribute name="font-size"><xsl:value-of select="$subheading-font-size"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="space-before">10pt</xsl:attribute>
    <xsl:attribute name="space-after">4pt</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="para">
    <xsl:attribute name="space-after"><xsl:value-of select="$para-space"/></xsl:attribute>
    <xsl:attribute name="orphans">2</xsl:attribute>
    <xsl:attribute name="widows">2</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="list">
    <xsl:attribute name="space-after"><xsl:value-of select="$para-space"/></xsl:attribute>
    <xsl:attribute name="provisional-distance-between-starts"><xsl:value-of select="$list-label-width"/></xsl:attribute>
    <xsl:attribute name="provisional-label-separation">2mm</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="list.item">
    <xsl:attribute name="space-after">3pt</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="numbered-para">
    <xsl:attribute name="space-after"><xsl:value-of select="$para-space"/></xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="para-number">
  </xsl:attribute-set>

  <xsl:attribute-set name="table">
    <xsl:attribute name="table-layout">fixed</xsl:attribute>
    <xsl:attribute name="width">100%</xsl:attribute>
    <xsl:attribute name="border-collapse">collapse</xsl:attribute>
    <xsl:attribute name="space-before">4pt</xsl:attribute>
    <xsl:attribute name="space-after">10pt</xsl:attribute>
    <xsl:attribute name="font-size"><xsl:value-of select="$table-font-size"/></xsl:attribute>
    <xsl:attribute name="line-height">1.3</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="table.cell">
    <xsl:attribute name="border"><xsl:value-of select="concat($table-border-width, ' solid ', $table-border-color)"/></xsl:attribute>
    <xsl:attribute name="padding"><xsl:value-of select="$table-cell-padding"/></xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="table.head.cell" use-attribute-sets="table.cell">
    <xsl:attribute name="background-color"><xsl:value-of select="$table-head-background"/></xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$table-head-color"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
  </xsl:attribute-set>

  <!-- The label column of a two-column form (proforma questions, cover tables). -->
  <xsl:attribute-set name="table.label.cell" use-attribute-sets="table.cell">
    <xsl:attribute name="background-color"><xsl:value-of select="$table-label-background"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="caption">
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="space-before">6pt</xsl:attribute>
    <xsl:attribute name="space-after">2pt</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="table.note">
    <xsl:attribute name="font-size"><xsl:value-of select="$running-font-size"/></xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$nhs-dark-grey"/></xsl:attribute>
    <xsl:attribute name="space-before">-6pt</xsl:attribute>
    <xsl:attribute name="space-after">10pt</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="link">
    <xsl:attribute name="color"><xsl:value-of select="$link-color"/></xsl:attribute>
    <xsl:attribute name="text-decoration">underline</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="toc">
    <xsl:attribute name="space-after">12pt</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="toc.title">
    <xsl:attribute name="font-size"><xsl:value-of select="$subsection-font-size"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$heading-color"/></xsl:attribute>
    <xsl:attribute name="space-before">8pt</xsl:attribute>
    <xsl:attribute name="space-after">4pt</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="toc.entry">
    <xsl:attribute name="text-align-last">justify</xsl:attribute>
    <xsl:attribute name="line-height">1.3</xsl:attribute>
    <xsl:attribute name="space-after">1pt</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="blank">
    <xsl:attribute name="color"><xsl:value-of select="$blank-color"/></xsl:attribute>
    <xsl:attribute name="leader-pattern-width"><xsl:value-of select="$dot-spacing"/></xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="provenance">
    <xsl:attribute name="font-size"><xsl:value-of select="$running-font-size"/></xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$nhs-dark-grey"/></xsl:attribute>
  </xsl:attribute-set>

  <!-- A ruled box; margin-left/right 0 keeps its rule and padding inside
       the text column (XSL otherwise puts them outside it). -->
  <xsl:attribute-set name="box">
    <xsl:attribute name="margin-left">0pt</xsl:attribute>
    <xsl:attribute name="margin-right">0pt</xsl:attribute>
    <xsl:attribute name="border"><xsl:value-of select="concat('1pt solid ', $nhs-dark-grey)"/></xsl:attribute>
    <xsl:attribute name="padding">6pt</xsl:attribute>
    <xsl:attribute name="space-before">10pt</xsl:attribute>
    <xsl:attribute name="space-after">10pt</xsl:attribute>
  </xsl:attribute-set>
</xsl:stylesheet>
