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
    xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:d="urn:cocom:document:1"
    xmlns:t="urn:cocom:templates:1"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="d t exsl">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

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

  <!-- ================================================================
       3. FO building blocks: the fo:root, page masters, metadata,
          running header and footer, headings, numbered paragraphs,
          blanks, links
       ================================================================ -->

  <!-- The output's own words ("Page N of M"). -->
  <xsl:param name="fo-words-file" select="'../../templates/boilerplate.xml'"/>
  <xsl:variable name="fo-words" select="document($fo-words-file)/t:boilerplate"/>

  <!-- The document's language, for fo:root and dc:language: the model's
       (base.xsl, for a document made straight from the arrangement,
       defines its own). -->
  <xsl:variable name="doc-lang" select="string(/d:document/@xml:lang)"/>

  <!-- fo-root: the whole fo:root.  Parameters:
         title        the document's title (PDF title, dc:title)
         description  dc:description
         creator      dc:creator (default: the CCG or CCGs)
         running-left, running-right   the running header (document, CCG)
         footer-note  FO inlines for the footer's left side (an RTF)
         bookmarks    fo:bookmark elements (an RTF)
         content      the flow's blocks (an RTF)
         first-header yes: the running header on the first page too
         date         dc:date, the document's date (ISO 8601), or '' -->
  <xsl:template name="fo-root">
    <xsl:param name="title"/>
    <xsl:param name="description" select="''"/>
    <xsl:param name="creator" select="''"/>
    <xsl:param name="running-left" select="$title"/>
    <xsl:param name="running-right" select="''"/>
    <xsl:param name="footer-note"/>
    <xsl:param name="bookmarks"/>
    <xsl:param name="content"/>
    <xsl:param name="first-header" select="'yes'"/>
    <xsl:param name="date" select="''"/>
    <fo:root xsl:use-attribute-sets="root">
      <xsl:attribute name="xml:lang"><xsl:value-of select="$doc-lang"/></xsl:attribute>
      <fo:layout-master-set>
        <xsl:call-template name="page-masters"/>
      </fo:layout-master-set>
      <xsl:call-template name="declarations">
        <xsl:with-param name="title" select="$title"/>
        <xsl:with-param name="description" select="$description"/>
        <xsl:with-param name="creator" select="$creator"/>
        <xsl:with-param name="date" select="$date"/>
      </xsl:call-template>
      <xsl:if test="exsl:node-set($bookmarks)/*">
        <fo:bookmark-tree>
          <xsl:copy-of select="$bookmarks"/>
        </fo:bookmark-tree>
      </xsl:if>
      <fo:page-sequence master-reference="cocom-document" id="cocom-document" initial-page-number="1">
        <fo:static-content flow-name="cocom-header-first">
          <xsl:if test="$first-header = 'yes'">
            <xsl:call-template name="running-header">
              <xsl:with-param name="left" select="$running-left"/>
              <xsl:with-param name="right" select="$running-right"/>
            </xsl:call-template>
          </xsl:if>
        </fo:static-content>
        <fo:static-content flow-name="cocom-header-rest">
          <xsl:call-template name="running-header">
            <xsl:with-param name="left" select="$running-left"/>
            <xsl:with-param name="right" select="$running-right"/>
          </xsl:call-template>
        </fo:static-content>
        <fo:static-content flow-name="cocom-footer">
          <xsl:call-template name="running-footer">
            <xsl:with-param name="note" select="$footer-note"/>
          </xsl:call-template>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <xsl:copy-of select="$content"/>
          <!-- A flow may not be empty. -->
          <xsl:if test="not(exsl:node-set($content)/*)"><fo:block role="P"/></xsl:if>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- Page masters: a first page and the rest, each with its own header
       region, so that a document can give its first page a masthead. -->
  <xsl:template name="page-masters">
    <xsl:call-template name="simple-page-master">
      <xsl:with-param name="name" select="'cocom-first'"/>
      <xsl:with-param name="header" select="'cocom-header-first'"/>
    </xsl:call-template>
    <xsl:call-template name="simple-page-master">
      <xsl:with-param name="name" select="'cocom-rest'"/>
      <xsl:with-param name="header" select="'cocom-header-rest'"/>
    </xsl:call-template>
    <fo:page-sequence-master master-name="cocom-document">
      <fo:repeatable-page-master-alternatives>
        <fo:conditional-page-master-reference master-reference="cocom-first" page-position="first"/>
        <fo:conditional-page-master-reference master-reference="cocom-rest" page-position="any"/>
      </fo:repeatable-page-master-alternatives>
    </fo:page-sequence-master>
  </xsl:template>

  <xsl:template name="simple-page-master">
    <xsl:param name="name"/>
    <xsl:param name="header"/>
    <fo:simple-page-master master-name="{$name}" page-width="{$page-width}" page-height="{$page-height}"
        margin-top="{$page-margin-top}" margin-bottom="{$page-margin-bottom}"
        margin-left="{$page-margin-left}" margin-right="{$page-margin-right}">
      <fo:region-body margin-top="{$body-margin-top}" margin-bottom="{$body-margin-bottom}"/>
      <fo:region-before region-name="{$header}" extent="{$header-extent}" overflow="error-if-overflow"/>
      <fo:region-after region-name="cocom-footer" extent="{$footer-extent}" overflow="error-if-overflow"/>
    </fo:simple-page-master>
  </xsl:template>

  <!-- Document metadata as XMP, where FOP (and cocom) read it. -->
  <xsl:template name="declarations">
    <xsl:param name="title"/>
    <xsl:param name="description"/>
    <xsl:param name="creator"/>
    <xsl:param name="date" select="''"/>
    <fo:declarations>
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:title><xsl:value-of select="normalize-space($title)"/></dc:title>
            <dc:creator><xsl:value-of select="normalize-space($creator)"/></dc:creator>
            <dc:description><xsl:value-of select="normalize-space($description)"/></dc:description>
            <dc:language><xsl:value-of select="$doc-lang"/></dc:language>
            <xsl:if test="normalize-space($date) != ''">
              <dc:date><xsl:value-of select="normalize-space($date)"/></dc:date>
            </xsl:if>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreatorTool>cocom</xmp:CreatorTool>
          </rdf:Description>
        </rdf:RDF>
      </x:xmpmeta>
    </fo:declarations>
  </xsl:template>

  <!-- The running header: the document on the left, the CCG on the right. -->
  <xsl:template name="running-header">
    <xsl:param name="left"/>
    <xsl:param name="right"/>
    <!-- Two cells, not one line spread by text-align-last="justify": a
         side too long for its half wraps inside its own cell, flush to its
         own edge, instead of being spread across the page as a justified
         last line. -->
    <fo:block xsl:use-attribute-sets="running running.header" role="artifact">
      <fo:table table-layout="fixed" width="100%" role="artifact">
        <fo:table-column column-width="proportional-column-width(1)"/>
        <fo:table-column column-width="proportional-column-width(1)"/>
        <fo:table-body role="artifact">
          <fo:table-row role="artifact">
            <fo:table-cell role="artifact" padding-end="6pt">
              <fo:block role="artifact" text-align="start"><xsl:value-of select="normalize-space($left)"/></fo:block>
            </fo:table-cell>
            <fo:table-cell role="artifact" padding-start="6pt">
              <fo:block role="artifact" text-align="end"><xsl:value-of select="normalize-space($right)"/></fo:block>
            </fo:table-cell>
          </fo:table-row>
        </fo:table-body>
      </fo:table>
    </fo:block>
  </xsl:template>

  <!-- The running footer: a note on the left (FO inlines), "Page N of M"
       on the right. -->
  <xsl:template name="running-footer">
    <xsl:param name="note"/>
    <fo:block xsl:use-attribute-sets="running running.footer" role="artifact">
    <fo:table table-layout="fixed" width="100%" role="artifact">
      <fo:table-column column-width="proportional-column-width(4)"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-body start-indent="0pt" end-indent="0pt" role="artifact">
        <fo:table-row role="artifact">
          <fo:table-cell role="artifact">
            <fo:block role="artifact"><xsl:apply-templates select="exsl:node-set($note)/node()" mode="as-artifact"/></fo:block>
          </fo:table-cell>
          <fo:table-cell role="artifact">
            <fo:block role="artifact" text-align="end">
              <xsl:call-template name="page-n-of-m"/>
            </fo:block>
          </fo:table-cell>
        </fo:table-row>
      </fo:table-body>
    </fo:table>
    </fo:block>
  </xsl:template>

  <!-- Content of the running header and footer is an artifact (not read
       as part of the document): a copy with every role "artifact". -->
  <xsl:template match="*" mode="as-artifact">
    <xsl:copy>
      <xsl:copy-of select="@*[name() != 'role']"/>
      <xsl:attribute name="role">artifact</xsl:attribute>
      <xsl:apply-templates mode="as-artifact"/>
    </xsl:copy>
  </xsl:template>
  <xsl:template match="text()" mode="as-artifact"><xsl:copy/></xsl:template>

  <xsl:template name="page-n-of-m">
    <xsl:value-of select="$fo-words/t:text[@name = 'page']"/>
    <xsl:text> </xsl:text>
    <fo:page-number/>
    <xsl:text> </xsl:text>
    <xsl:value-of select="$fo-words/t:text[@name = 'page-of']"/>
    <xsl:text> </xsl:text>
    <fo:page-number-citation-last ref-id="cocom-document"/>
  </xsl:template>

  <!-- A section heading.  level 1 = a document's sections (H2; the
       document title is H1), 2 = sub-sections (H3). -->
  <xsl:template name="heading">
    <xsl:param name="level" select="1"/>
    <xsl:param name="number" select="''"/>
    <xsl:param name="id" select="''"/>
    <xsl:param name="content"/>
    <xsl:param name="break-before" select="''"/>
    <xsl:choose>
      <xsl:when test="$level = 1">
        <fo:block xsl:use-attribute-sets="section.heading" role="H2">
          <xsl:if test="$id != ''"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
          <xsl:if test="$break-before != ''"><xsl:attribute name="break-before"><xsl:value-of select="$break-before"/></xsl:attribute></xsl:if>
          <xsl:call-template name="heading-content">
            <xsl:with-param name="number" select="$number"/>
            <xsl:with-param name="content" select="$content"/>
          </xsl:call-template>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block xsl:use-attribute-sets="subsection.heading" role="H{$level + 1}">
          <xsl:if test="$id != ''"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
          <xsl:call-template name="heading-content">
            <xsl:with-param name="number" select="$number"/>
            <xsl:with-param name="content" select="$content"/>
          </xsl:call-template>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Number and text of a heading, the number in a hanging column
       (a list block inside the heading block, tagged NonStruct so that
       the heading stays one heading). -->
  <xsl:template name="heading-content">
    <xsl:param name="number"/>
    <xsl:param name="content"/>
    <xsl:choose>
      <xsl:when test="normalize-space($number) != ''">
        <fo:list-block provisional-distance-between-starts="{$para-number-width}" provisional-label-separation="2mm" role="NonStruct">
          <fo:list-item role="NonStruct">
            <fo:list-item-label end-indent="label-end()" role="NonStruct">
              <fo:block role="NonStruct"><xsl:value-of select="$number"/></fo:block>
            </fo:list-item-label>
            <fo:list-item-body start-indent="body-start()" role="NonStruct">
              <fo:block role="NonStruct"><xsl:copy-of select="$content"/></fo:block>
            </fo:list-item-body>
          </fo:list-item>
        </fo:list-block>
      </xsl:when>
      <xsl:otherwise><xsl:copy-of select="$content"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A numbered paragraph: the number in a hanging column, then the
       content (FO blocks or inlines, an RTF).  Only the first block sits
       in the list item beside the number; any further blocks (a nested
       list, a table) follow it in the text column, so that a long
       numbered paragraph can break across pages.  Without a number, a
       plain block, indented as far as numbered text (indent="yes") or not. -->
  <xsl:template name="fo-numbered-block">
    <xsl:param name="number" select="''"/>
    <xsl:param name="content"/>
    <xsl:param name="indent" select="'no'"/>
    <xsl:param name="id" select="''"/>
    <!-- A lead-in ("There are two possible models:") stays on the page
         of what it leads into, as a careful typesetter keeps it. -->
    <xsl:param name="lead-in" select="false()"/>
    <!-- yes: kept on the page of the block before (a model text's
         <p keep="with-previous">: the last lines of a schedule). -->
    <xsl:param name="keep-with-previous" select="'no'"/>
    <xsl:choose>
      <xsl:when test="normalize-space($number) != ''">
        <xsl:variable name="blocks-rtf">
          <xsl:call-template name="as-blocks"><xsl:with-param name="content" select="$content"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="blocks" select="exsl:node-set($blocks-rtf)/*"/>
        <fo:block xsl:use-attribute-sets="numbered-para" role="Div">
          <xsl:if test="$id != ''"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
          <xsl:if test="$keep-with-previous = 'yes'"><xsl:attribute name="keep-with-previous.within-page">always</xsl:attribute></xsl:if>
          <!-- (when the block holds what the lead-in leads into, the
               number's list-block below keeps them together instead) -->
          <xsl:if test="$lead-in and not($blocks[2])"><xsl:attribute name="keep-with-next.within-page">always</xsl:attribute></xsl:if>
          <fo:list-block provisional-distance-between-starts="{$para-number-width}" provisional-label-separation="2mm" role="L">
            <xsl:if test="$blocks[2]"><xsl:attribute name="keep-with-next.within-page">always</xsl:attribute></xsl:if>
            <fo:list-item role="LI">
              <fo:list-item-label end-indent="label-end()" role="Lbl">
                <fo:block xsl:use-attribute-sets="para-number" role="P"><xsl:value-of select="$number"/></fo:block>
              </fo:list-item-label>
              <fo:list-item-body start-indent="body-start()" role="LBody">
                <xsl:copy-of select="$blocks[1]"/>
                <xsl:if test="not($blocks)"><fo:block role="P"/></xsl:if>
              </fo:list-item-body>
            </fo:list-item>
          </fo:list-block>
          <xsl:if test="$blocks[2]">
            <fo:block start-indent="{$para-number-width}" role="Div">
              <xsl:copy-of select="$blocks[position() &gt; 1]"/>
            </fo:block>
          </xsl:if>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block xsl:use-attribute-sets="para" role="P">
          <xsl:if test="$id != ''"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
          <xsl:if test="$keep-with-previous = 'yes'"><xsl:attribute name="keep-with-previous.within-page">always</xsl:attribute></xsl:if>
          <xsl:if test="$lead-in"><xsl:attribute name="keep-with-next.within-page">always</xsl:attribute></xsl:if>
          <xsl:if test="$indent = 'yes'">
            <xsl:attribute name="start-indent"><xsl:value-of select="$para-number-width"/></xsl:attribute>
          </xsl:if>
          <xsl:copy-of select="$content"/>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Content that may be inlines, blocks or both, made into blocks:
       runs of inlines are wrapped in a P block. -->
  <xsl:template name="as-blocks">
    <xsl:param name="content"/>
    <xsl:variable name="nodes" select="exsl:node-set($content)/node()"/>
    <xsl:for-each select="$nodes">
      <xsl:choose>
        <xsl:when test="self::fo:block or self::fo:list-block or self::fo:table or self::fo:table-and-caption or self::fo:block-container">
          <xsl:copy-of select="."/>
        </xsl:when>
        <xsl:when test="not(preceding-sibling::node()[1])
                        or preceding-sibling::node()[1][self::fo:block or self::fo:list-block or self::fo:table or self::fo:table-and-caption or self::fo:block-container]">
          <!-- the first node of a run of inlines: the run, as one P block -->
          <xsl:variable name="k" select="count(preceding-sibling::node()[self::fo:block or self::fo:list-block or self::fo:table or self::fo:table-and-caption or self::fo:block-container])"/>
          <xsl:variable name="run" select=". | following-sibling::node()[not(self::fo:block or self::fo:list-block or self::fo:table or self::fo:table-and-caption or self::fo:block-container)]
                                                [count(preceding-sibling::node()[self::fo:block or self::fo:list-block or self::fo:table or self::fo:table-and-caption or self::fo:block-container]) = $k]"/>
          <xsl:if test="$run[self::* or normalize-space(.) != '']">
            <fo:block role="P"><xsl:copy-of select="$run"/></fo:block>
          </xsl:if>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- A visible blank to fill in: a dotted rule.  length: short, medium,
       long (to the end of the line), or a length.  in-text='yes' for a
       blank inside a clause's sentence: it is set in square brackets, as
       NHS England's model texts mark what is to be completed ("[ ]"), so
       that a full stop or comma after it reads as the sentence's own and
       not as more dots. -->
  <xsl:template name="fo-blank">
    <xsl:param name="length" select="'short'"/>
    <xsl:param name="in-text" select="'no'"/>
    <xsl:variable name="brackets" select="$in-text = 'yes' and $length != 'long'"/>
    <fo:inline xsl:use-attribute-sets="blank" role="Span">
      <xsl:if test="$brackets">[</xsl:if>
      <xsl:choose>
        <xsl:when test="$length = 'long'">
          <fo:leader leader-pattern="dots" leader-length.minimum="{$blank-short}" leader-length.optimum="100%" leader-length.maximum="100%"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="len">
            <xsl:choose>
              <xsl:when test="$length = 'short'"><xsl:value-of select="$blank-short"/></xsl:when>
              <xsl:when test="$length = 'medium'"><xsl:value-of select="$blank-medium"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$length"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <fo:leader leader-pattern="dots" leader-length="{$len}"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$brackets">]</xsl:if>
    </fo:inline>
  </xsl:template>

  <!-- A blank block of `lines` dotted lines (a long answer to write in). -->
  <xsl:template name="fo-blank-lines">
    <xsl:param name="lines" select="2"/>
    <xsl:if test="$lines &gt; 0">
      <fo:block role="P" text-align-last="justify" space-before="6pt">
        <fo:inline xsl:use-attribute-sets="blank" role="Span"><fo:leader leader-pattern="dots"/></fo:inline>
      </fo:block>
      <xsl:call-template name="fo-blank-lines"><xsl:with-param name="lines" select="$lines - 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A link to a URL; its content is FO inlines (an RTF). -->
  <xsl:template name="fo-external-link">
    <xsl:param name="url"/>
    <xsl:param name="content"/>
    <fo:basic-link xsl:use-attribute-sets="link" role="Link">
      <xsl:attribute name="external-destination">
        <xsl:text>url('</xsl:text>
        <xsl:call-template name="escape-url"><xsl:with-param name="url" select="normalize-space($url)"/></xsl:call-template>
        <xsl:text>')</xsl:text>
      </xsl:attribute>
      <xsl:copy-of select="$content"/>
    </fo:basic-link>
  </xsl:template>

  <!-- Quotes and spaces cannot stand inside url('…'). -->
  <xsl:template name="escape-url">
    <xsl:param name="url"/>
    <xsl:choose>
      <xsl:when test="contains($url, &quot;'&quot;)">
        <xsl:value-of select="substring-before($url, &quot;'&quot;)"/>
        <xsl:text>%27</xsl:text>
        <xsl:call-template name="escape-url"><xsl:with-param name="url" select="substring-after($url, &quot;'&quot;)"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($url, ' ')">
        <xsl:value-of select="substring-before($url, ' ')"/>
        <xsl:text>%20</xsl:text>
        <xsl:call-template name="escape-url"><xsl:with-param name="url" select="substring-after($url, ' ')"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$url"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================
       4. The document model as FO (mode "fo"; inlines: mode
          "fo-inline")
       ================================================================ -->

  <!-- Report parameters.  The cover sheet: how many value columns (2
       lets a row split its value, e.g. a body and its date), and the
       label column's share.  Inside numbered sections, indent unnumbered
       paragraphs, lists and sub-headings to the text column (yes/no). -->
  <xsl:param name="cover-value-columns" select="1"/>
  <xsl:param name="cover-label-width" select="35"/>
  <xsl:param name="indent-unnumbered" select="'yes'"/>
  <xsl:param name="indent-subheadings" select="'yes'"/>

  <!-- A model document given as the input (xsltproc output/fo.xsl
       model.xml); a document stylesheet applies mode "fo" to the model
       it builds. -->
  <xsl:template match="d:document">
    <xsl:apply-templates select="." mode="fo"/>
  </xsl:template>

  <xsl:template match="d:document" mode="fo">
    <xsl:variable name="m" select="d:metadata"/>
    <xsl:call-template name="fo-root">
      <xsl:with-param name="title" select="string($m/d:title)"/>
      <xsl:with-param name="description" select="string($m/d:description)"/>
      <xsl:with-param name="creator" select="string($m/d:issuer)"/>
      <xsl:with-param name="running-left" select="string($m/d:running-head/d:start)"/>
      <xsl:with-param name="running-right" select="string($m/d:running-head/d:end)"/>
      <xsl:with-param name="first-header">
        <xsl:choose>
          <xsl:when test="$m/d:running-head/@first-page = 'no'">no</xsl:when>
          <xsl:otherwise>yes</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="footer-note"><xsl:apply-templates select="$m/d:running-foot/node()" mode="fo-inline"/></xsl:with-param>
      <xsl:with-param name="bookmarks"><xsl:apply-templates select="$m/d:outline/d:bookmark" mode="fo"/></xsl:with-param>
      <xsl:with-param name="content"><xsl:apply-templates select="d:body/*" mode="fo"/></xsl:with-param>
      <xsl:with-param name="date" select="string($m/d:date/@value)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="d:bookmark" mode="fo">
    <fo:bookmark internal-destination="{@ref}">
      <fo:bookmark-title><xsl:value-of select="@title"/></fo:bookmark-title>
      <xsl:apply-templates select="d:bookmark" mode="fo"/>
    </fo:bookmark>
  </xsl:template>

  <!-- ................................................................
       Sections and headings
       ................................................................ -->

  <!-- A section: its heading (level 1 an H2: the document's title is the
       H1), then what it holds. -->
  <xsl:template match="d:section" mode="fo">
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="count(ancestor-or-self::d:section)"/>
      <xsl:with-param name="number" select="string(@number)"/>
      <xsl:with-param name="id" select="string(@id)"/>
      <xsl:with-param name="break-before"><xsl:if test="@new-page = 'yes'">page</xsl:if></xsl:with-param>
      <xsl:with-param name="content"><xsl:apply-templates select="d:heading/node()" mode="fo-inline"/></xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="*[not(self::d:heading)]" mode="fo"/>
  </xsl:template>

  <!-- A report's closing parts (appendices, background papers): a
       closing heading, then what they hold. -->
  <xsl:attribute-set name="report.closing.heading" use-attribute-sets="subheading">
    <xsl:attribute name="space-before">12pt</xsl:attribute>
  </xsl:attribute-set>

  <xsl:template match="d:section[@role = 'appendices' or @role = 'background-papers']" mode="fo">
    <fo:block xsl:use-attribute-sets="report.closing.heading" role="H2" id="{@id}">
      <xsl:apply-templates select="d:heading/node()" mode="fo-inline"/>
    </fo:block>
    <xsl:apply-templates select="*[not(self::d:heading)]" mode="fo"/>
  </xsl:template>

  <!-- Is the context block in a section whose text is numbered? -->
  <xsl:template name="fo-in-numbered-section">
    <xsl:if test="parent::d:section[@numbered = 'yes']">yes</xsl:if>
  </xsl:template>

  <!-- A heading that opens no section: its level as the model gives it,
       else one below the section that holds it; inside a numbered
       section, in the text column (indent-subheadings). -->
  <xsl:template match="d:subheading" mode="fo">
    <xsl:variable name="numbered"><xsl:call-template name="fo-in-numbered-section"/></xsl:variable>
    <xsl:variable name="level">
      <xsl:choose>
        <xsl:when test="@level"><xsl:value-of select="@level"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="count(ancestor::d:section) + 2"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fo:block xsl:use-attribute-sets="subheading" role="H{$level}">
      <xsl:if test="$indent-subheadings = 'yes' and $numbered = 'yes'">
        <xsl:attribute name="start-indent"><xsl:value-of select="$para-number-width"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="fo-inline"/>
    </fo:block>
  </xsl:template>

  <!-- ................................................................
       Paragraphs and clauses
       ................................................................ -->

  <!-- A paragraph of the text; inside a numbered section, in the text
       column (indent-unnumbered). -->
  <xsl:template match="d:p" mode="fo">
    <xsl:variable name="numbered"><xsl:call-template name="fo-in-numbered-section"/></xsl:variable>
    <xsl:call-template name="fo-numbered-block">
      <xsl:with-param name="id" select="string(@id)"/>
      <xsl:with-param name="lead-in" select="@keep = 'with-next'"/>
      <xsl:with-param name="keep-with-previous"><xsl:if test="@keep = 'with-previous'">yes</xsl:if></xsl:with-param>
      <xsl:with-param name="indent">
        <xsl:choose>
          <xsl:when test="$indent-unnumbered = 'yes' and $numbered = 'yes'">yes</xsl:when>
          <xsl:otherwise>no</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="content"><xsl:apply-templates mode="fo-inline"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="fo-provenance"/>
  </xsl:template>

  <!-- A paragraph that is one line of something (a person's lines, a
       table cell, a field's value): a plain block. -->
  <xsl:template match="d:value/d:p | d:group[@role = 'contact']/d:p | d:td/d:p | d:th/d:p | d:item/d:p" mode="fo">
    <fo:block role="P"><xsl:apply-templates mode="fo-inline"/></fo:block>
  </xsl:template>

  <!-- A numbered clause: the number in a hanging column. -->
  <xsl:template match="d:clause" mode="fo">
    <xsl:call-template name="fo-numbered-block">
      <xsl:with-param name="number" select="string(@number)"/>
      <xsl:with-param name="id" select="string(@id)"/>
      <xsl:with-param name="lead-in" select="@keep = 'with-next'"/>
      <xsl:with-param name="keep-with-previous"><xsl:if test="@keep = 'with-previous'">yes</xsl:if></xsl:with-param>
      <xsl:with-param name="content"><xsl:apply-templates mode="fo-clause-content"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="fo-provenance"/>
  </xsl:template>

  <!-- Where a model text's wording comes from, printed under it for
       review (show-provenance=yes). -->
  <xsl:template name="fo-provenance">
    <xsl:if test="$show-provenance = 'yes' and @basis">
      <fo:block xsl:use-attribute-sets="provenance" role="P">
        <xsl:text>[</xsl:text>
        <xsl:choose>
          <xsl:when test="@basis = 'national'">national wording</xsl:when>
          <xsl:otherwise>modelled</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@source">
          <xsl:text>: </xsl:text>
          <xsl:value-of select="@source"/>
        </xsl:if>
        <xsl:text>]</xsl:text>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- A clause's content: its inlines, and the blocks that end it. -->
  <xsl:template match="node()" mode="fo-clause-content">
    <xsl:apply-templates select="." mode="fo-inline"/>
  </xsl:template>
  <xsl:template match="d:p | d:list | d:table | d:definitions | d:blank-lines" mode="fo-clause-content">
    <xsl:apply-templates select="." mode="fo"/>
  </xsl:template>

  <!-- ................................................................
       Lists
       ................................................................ -->

  <!-- A list; inside a numbered section, in the text column. -->
  <xsl:template match="d:list" mode="fo">
    <xsl:variable name="numbered"><xsl:call-template name="fo-in-numbered-section"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$indent-unnumbered = 'yes' and $numbered = 'yes'">
        <fo:block start-indent="{$para-number-width}" role="Div">
          <xsl:apply-templates select="." mode="fo-list"/>
        </fo:block>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="." mode="fo-list"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A list of the data's names: in the flow as it stands.  With
       nothing to list it holds one blank to complete, a bare item. -->
  <xsl:template match="d:list[@role = 'data']" mode="fo">
    <xsl:apply-templates select="." mode="fo-list"/>
  </xsl:template>

  <xsl:template match="d:list[@role = 'data']/d:item[not(preceding-sibling::d:item or following-sibling::d:item)][d:blank and not(normalize-space(.))]" mode="fo" priority="2">
    <fo:list-item role="LI">
      <fo:list-item-label end-indent="label-end()" role="Lbl"><fo:block role="P"><xsl:value-of select="$bullet"/></fo:block></fo:list-item-label>
      <fo:list-item-body start-indent="body-start()" role="LBody"><fo:block role="P"><xsl:apply-templates mode="fo-inline"/></fo:block></fo:list-item-body>
    </fo:list-item>
  </xsl:template>

  <xsl:template match="d:list" mode="fo-list">
    <fo:list-block xsl:use-attribute-sets="list" role="L">
      <xsl:if test="ancestor::d:list or parent::d:td">
        <xsl:attribute name="space-before">3pt</xsl:attribute>
        <xsl:attribute name="space-after">0pt</xsl:attribute>
      </xsl:if>
      <!-- a list that continues a clause, or a list of the data's names -->
      <xsl:if test="parent::d:clause or @role = 'data'">
        <xsl:attribute name="space-before">4pt</xsl:attribute>
      </xsl:if>
      <xsl:if test="@type = 'lettered'">
        <xsl:attribute name="provisional-distance-between-starts">9mm</xsl:attribute>
      </xsl:if>
      <xsl:if test="@type = 'numbered'">
        <xsl:attribute name="provisional-distance-between-starts"><xsl:value-of select="$para-number-width"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="d:item" mode="fo"/>
    </fo:list-block>
  </xsl:template>

  <!-- An item: its label (the model's, else its number, else a bullet),
       its text, then any list inside it. -->
  <xsl:template match="d:item" mode="fo">
    <fo:list-item xsl:use-attribute-sets="list.item" role="LI">
      <!-- (the items of a list in a table cell are short: no keeps) -->
      <xsl:if test="not(../parent::d:td)"><xsl:call-template name="list-item-keeps"/></xsl:if>
      <fo:list-item-label end-indent="label-end()" role="Lbl">
        <fo:block role="P">
          <xsl:choose>
            <xsl:when test="@label"><xsl:value-of select="@label"/></xsl:when>
            <xsl:when test="../@type = 'numbered'"><xsl:value-of select="count(preceding-sibling::d:item) + 1"/>.</xsl:when>
            <xsl:when test="../@type = 'lettered'">(<xsl:number format="a"/>)</xsl:when>
            <xsl:when test="ancestor::d:list[2]"><xsl:value-of select="$bullet-nested"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$bullet"/></xsl:otherwise>
          </xsl:choose>
        </fo:block>
      </fo:list-item-label>
      <fo:list-item-body start-indent="body-start()" role="LBody">
        <fo:block role="P"><xsl:apply-templates select="node()[not(self::d:list)]" mode="fo-inline"/></fo:block>
        <xsl:apply-templates select="d:list" mode="fo-list"/>
      </fo:list-item-body>
    </fo:list-item>
  </xsl:template>

  <!-- Called first in a list item, in the context of the items: the last
       of two or more is kept with the one before, so that no page begins
       with a list's last item alone (issue 18 item 3). -->
  <xsl:template name="list-item-keeps">
    <xsl:if test="position() = last() and last() &gt; 1">
      <xsl:attribute name="keep-with-previous.within-page">always</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- ................................................................
       Tables
       ................................................................ -->

  <xsl:template match="d:table" mode="fo">
    <xsl:apply-templates select="." mode="fo-table"/>
  </xsl:template>

  <xsl:template match="d:table" mode="fo-table">
    <xsl:if test="d:caption">
      <fo:block xsl:use-attribute-sets="caption" role="Caption"><xsl:apply-templates select="d:caption/node()" mode="fo-inline"/></fo:block>
    </xsl:if>
    <fo:table xsl:use-attribute-sets="table" role="Table">
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
      <xsl:choose>
        <!-- Automatic layout: each column at least its longest word
             (table-layout-auto; no for processors without it). -->
        <xsl:when test="@column-sizing = 'content' and $table-layout-auto = 'yes'">
          <xsl:attribute name="table-layout">auto</xsl:attribute>
          <fo:table-column number-columns-repeated="{count(d:col)}"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="d:col">
            <fo:table-column column-width="proportional-column-width({@width})"/>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="d:head">
        <fo:table-header start-indent="0pt" end-indent="0pt" role="THead">
          <xsl:apply-templates select="d:head/d:row" mode="fo"/>
        </fo:table-header>
      </xsl:if>
      <fo:table-body start-indent="0pt" end-indent="0pt" role="TBody">
        <xsl:apply-templates select="d:body/d:row" mode="fo"/>
      </fo:table-body>
    </fo:table>
    <xsl:apply-templates select="d:note" mode="fo"/>
  </xsl:template>

  <xsl:template match="d:row" mode="fo">
    <fo:table-row role="TR">
      <xsl:if test="@keep = 'together'"><xsl:attribute name="keep-together.within-page">always</xsl:attribute></xsl:if>
      <xsl:apply-templates select="d:th | d:td" mode="fo"/>
    </fo:table-row>
  </xsl:template>

  <xsl:template match="d:head/d:row/d:th" mode="fo">
    <fo:table-cell xsl:use-attribute-sets="table.head.cell" role="TH">
      <xsl:call-template name="fo-cell-attributes"/>
      <xsl:call-template name="fo-cell-content"/>
    </fo:table-cell>
  </xsl:template>

  <xsl:template match="d:body/d:row/d:th" mode="fo">
    <fo:table-cell xsl:use-attribute-sets="table.cell" role="TH">
      <xsl:call-template name="fo-cell-attributes"/>
      <xsl:call-template name="fo-cell-content"/>
    </fo:table-cell>
  </xsl:template>

  <!-- The decision matrix's groups: bold row headers. -->
  <xsl:template match="d:table[@role = 'decision-matrix']/d:body/d:row/d:th" mode="fo">
    <fo:table-cell xsl:use-attribute-sets="table.cell" role="TH">
      <xsl:call-template name="fo-cell-attributes"/>
      <fo:block role="P" font-weight="bold"><xsl:apply-templates mode="fo-inline"/></fo:block>
    </fo:table-cell>
  </xsl:template>

  <xsl:template match="d:td" mode="fo">
    <fo:table-cell xsl:use-attribute-sets="table.cell" role="TD">
      <xsl:call-template name="fo-cell-attributes"/>
      <xsl:call-template name="fo-cell-content"/>
    </fo:table-cell>
  </xsl:template>

  <xsl:template name="fo-cell-attributes">
    <xsl:if test="@colspan"><xsl:attribute name="number-columns-spanned"><xsl:value-of select="@colspan"/></xsl:attribute></xsl:if>
    <xsl:if test="@rowspan"><xsl:attribute name="number-rows-spanned"><xsl:value-of select="@rowspan"/></xsl:attribute></xsl:if>
    <xsl:if test="@align"><xsl:attribute name="text-align"><xsl:value-of select="@align"/></xsl:attribute></xsl:if>
  </xsl:template>

  <!-- A cell's content: its blocks, or its inlines as one paragraph. -->
  <xsl:template name="fo-cell-content">
    <xsl:choose>
      <xsl:when test="d:blank[@width = 'line'] and count(node()) = 1">
        <xsl:apply-templates select="d:blank" mode="fo-blank-fill"/>
      </xsl:when>
      <xsl:when test="d:p | d:list | d:table | d:group | d:blank-lines">
        <xsl:apply-templates select="*" mode="fo"/>
      </xsl:when>
      <xsl:otherwise>
        <fo:block role="P"><xsl:apply-templates mode="fo-inline"/></fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="d:note" mode="fo">
    <fo:block xsl:use-attribute-sets="table.note" role="P"><xsl:apply-templates mode="fo-inline"/></fo:block>
  </xsl:template>

  <!-- ................................................................
       Contents
       ................................................................ -->

  <!-- The contents list: each entry a link to its part, dots, and the
       page number. -->
  <xsl:template match="d:contents" mode="fo">
    <fo:block xsl:use-attribute-sets="toc" role="TOC">
      <fo:block xsl:use-attribute-sets="toc.title" role="H2">
        <xsl:apply-templates select="d:heading/node()" mode="fo-inline"/>
      </fo:block>
      <xsl:for-each select="d:entry">
        <fo:block xsl:use-attribute-sets="toc.entry" role="TOCI">
          <xsl:if test="@level = 2">
            <xsl:attribute name="start-indent"><xsl:value-of select="$para-number-width"/></xsl:attribute>
          </xsl:if>
          <fo:basic-link internal-destination="{@ref}" role="Link">
            <xsl:if test="normalize-space(@number) != ''">
              <xsl:value-of select="@number"/>
              <xsl:text>&#x2002;</xsl:text>
            </xsl:if>
            <xsl:value-of select="."/>
          </fo:basic-link>
          <!-- No-break spaces, and a leader of at least a few dots: the
               title's last word, the dots and the page number go to a
               new line together, never the dots and number alone. -->
          <xsl:text>&#xA0;</xsl:text>
          <fo:leader leader-pattern="dots" leader-pattern-width="{$dot-spacing}" leader-alignment="reference-area" leader-length.minimum="2em" role="artifact"/>
          <xsl:text>&#xA0;</xsl:text>
          <fo:page-number-citation ref-id="{@ref}"/>
        </fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!-- A cell (or a field's value) that is all blank: a dotted rule to
       the end of the line; a name to write in keeps the least room
       blank-fill-width in a column laid out automatically. -->
  <xsl:template match="d:blank" mode="fo-blank-fill">
    <fo:block role="P" text-align-last="justify">
      <fo:inline xsl:use-attribute-sets="blank" role="Span">
        <fo:leader leader-pattern="dots">
          <xsl:if test="@purpose = 'name' and $table-layout-auto = 'yes'">
            <xsl:attribute name="leader-length.minimum"><xsl:value-of select="$blank-fill-width"/></xsl:attribute>
          </xsl:if>
        </fo:leader>
      </fo:inline>
    </fo:block>
  </xsl:template>

  <!-- ................................................................
       Titles, a document's own tables, signatures
       ................................................................ -->

  <xsl:template match="d:body/d:title" mode="fo">
    <fo:block xsl:use-attribute-sets="title" role="H1"><xsl:apply-templates mode="fo-inline"/></fo:block>
  </xsl:template>

  <xsl:template match="d:body/d:subtitle" mode="fo">
    <fo:block xsl:use-attribute-sets="subtitle" role="P"><xsl:apply-templates mode="fo-inline"/></fo:block>
  </xsl:template>

  <!-- The membership table in a numbered section: in the text column. -->
  <xsl:template match="d:table[@role = 'membership']" mode="fo">
    <xsl:choose>
      <xsl:when test="parent::d:section[@numbered = 'yes' or @number]">
        <fo:block start-indent="{$para-number-width}" role="Div">
          <xsl:apply-templates select="." mode="fo-table"/>
        </fo:block>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="." mode="fo-table"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A function's name in the schedule of functions: bold. -->
  <xsl:template match="d:td/d:p[@role = 'function']" mode="fo">
    <fo:block role="P" font-weight="bold"><xsl:apply-templates mode="fo-inline"/></fo:block>
  </xsl:template>

  <!-- Words set before what follows (a terms of reference's preamble). -->
  <xsl:template match="d:group[@role = 'preamble']" mode="fo">
    <fo:block role="Div" space-after="8pt">
      <xsl:apply-templates mode="fo"/>
    </fo:block>
  </xsl:template>

  <!-- The signatures: one block, kept on one page when the model says so. -->
  <xsl:template match="d:section[@role = 'signatures']" mode="fo">
    <fo:block role="Div">
      <xsl:if test="@keep = 'together'"><xsl:attribute name="keep-together.within-page">always</xsl:attribute></xsl:if>
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="count(ancestor-or-self::d:section)"/>
        <xsl:with-param name="number" select="string(@number)"/>
        <xsl:with-param name="id" select="string(@id)"/>
        <xsl:with-param name="content"><xsl:apply-templates select="d:heading/node()" mode="fo-inline"/></xsl:with-param>
      </xsl:call-template>
      <xsl:apply-templates select="*[not(self::d:heading)]" mode="fo"/>
    </fo:block>
  </xsl:template>

  <!-- A signature block: a table of the party, then signed (room to
       sign), name, position and date. -->
  <xsl:attribute-set name="signature.block">
    <xsl:attribute name="space-before">10pt</xsl:attribute>
    <xsl:attribute name="space-after">6pt</xsl:attribute>
    <xsl:attribute name="keep-together.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:template match="d:signature" mode="fo">
    <fo:table xsl:use-attribute-sets="table signature.block" role="Table">
      <xsl:if test="@keep = 'with-previous'">
        <xsl:attribute name="keep-with-previous.within-page">always</xsl:attribute>
      </xsl:if>
      <fo:table-column column-width="proportional-column-width(28)"/>
      <fo:table-column column-width="proportional-column-width(72)"/>
      <fo:table-body start-indent="0pt" end-indent="0pt" role="TBody">
        <fo:table-row role="TR">
          <fo:table-cell xsl:use-attribute-sets="table.label.cell" role="TH" number-columns-spanned="2">
            <fo:block role="P">
              <xsl:value-of select="d:party/@label"/>
              <xsl:text> </xsl:text>
              <xsl:value-of select="d:party"/>
            </fo:block>
          </fo:table-cell>
        </fo:table-row>
        <xsl:for-each select="d:field">
          <fo:table-row role="TR">
            <fo:table-cell xsl:use-attribute-sets="table.cell" role="TH">
              <fo:block role="P" font-weight="bold"><xsl:apply-templates select="d:label/node()" mode="fo-inline"/></fo:block>
            </fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="table.cell" role="TD">
              <xsl:if test="@name = 'signed'"><xsl:attribute name="padding-top">18pt</xsl:attribute></xsl:if>
              <xsl:for-each select="d:value">
                <xsl:call-template name="fo-cell-content"/>
              </xsl:for-each>
            </fo:table-cell>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- ................................................................
       Boxes and groups
       ................................................................ -->

  <xsl:template match="d:box" mode="fo">
    <fo:block xsl:use-attribute-sets="box" role="Div">
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
      <xsl:apply-templates mode="fo"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:group" mode="fo">
    <fo:block role="Div">
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
      <xsl:apply-templates mode="fo"/>
    </fo:block>
  </xsl:template>

  <!-- Recommendations inside a section: no box, their blocks only. -->
  <xsl:template match="d:group[@role = 'recommendations']" mode="fo">
    <xsl:apply-templates mode="fo"/>
  </xsl:template>

  <!-- A contact (a person's lines), set a little apart from the one
       before. -->
  <xsl:template match="d:group[@role = 'contact']" mode="fo">
    <fo:block role="Div">
      <xsl:if test="preceding-sibling::d:group[@role = 'contact']">
        <xsl:attribute name="space-before">
          <xsl:choose>
            <xsl:when test="parent::d:value">4pt</xsl:when>
            <xsl:otherwise>6pt</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="fo"/>
    </fo:block>
  </xsl:template>

  <!-- ................................................................
       A report's masthead, cover sheet, recommendations and contact box
       ................................................................ -->

  <xsl:attribute-set name="report.masthead">
    <xsl:attribute name="space-after">10pt</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="report.masthead.board">
    <xsl:attribute name="font-size"><xsl:value-of select="$title-font-size"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="line-height">1.2</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$title-color"/></xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="report.masthead.council">
    <xsl:attribute name="font-size"><xsl:value-of select="$subtitle-font-size"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="report.masthead.date">
    <xsl:attribute name="font-size"><xsl:value-of select="$subtitle-font-size"/></xsl:attribute>
    <xsl:attribute name="space-before">4pt</xsl:attribute>
  </xsl:attribute-set>

  <!-- The masthead: the council, the board (H1) and the date. -->
  <xsl:template match="d:box[@role = 'masthead']" mode="fo">
    <fo:block xsl:use-attribute-sets="report.masthead" role="Div">
      <xsl:for-each select="d:p[@role = 'council']">
        <fo:block xsl:use-attribute-sets="report.masthead.council" role="P"><xsl:apply-templates mode="fo-inline"/></fo:block>
      </xsl:for-each>
      <xsl:for-each select="d:title">
        <fo:block xsl:use-attribute-sets="report.masthead.board" role="H1"><xsl:apply-templates mode="fo-inline"/></fo:block>
      </xsl:for-each>
      <xsl:for-each select="d:p[@role = 'date']">
        <fo:block xsl:use-attribute-sets="report.masthead.date" role="P"><xsl:apply-templates mode="fo-inline"/></fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <xsl:attribute-set name="report.cover.table" use-attribute-sets="table">
    <xsl:attribute name="space-after">14pt</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="report.cover.label" use-attribute-sets="table.cell">
    <xsl:attribute name="font-weight">bold</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="report.cover.value" use-attribute-sets="table.cell">
  </xsl:attribute-set>

  <!-- The cover sheet: a table of labels and values. -->
  <xsl:template match="d:fields[@role = 'cover']" mode="fo">
    <fo:table xsl:use-attribute-sets="report.cover.table" role="Table">
      <fo:table-column column-width="proportional-column-width({$cover-label-width})"/>
      <xsl:choose>
        <xsl:when test="$cover-value-columns = 2">
          <fo:table-column column-width="proportional-column-width({(100 - $cover-label-width) div 2})"/>
          <fo:table-column column-width="proportional-column-width({(100 - $cover-label-width) div 2})"/>
        </xsl:when>
        <xsl:otherwise>
          <fo:table-column column-width="proportional-column-width({100 - $cover-label-width})"/>
        </xsl:otherwise>
      </xsl:choose>
      <fo:table-body start-indent="0pt" end-indent="0pt" role="TBody">
        <xsl:apply-templates select="d:field" mode="fo-cover-row"/>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- A cover row: the label, then the value across the value columns. -->
  <xsl:template match="d:field" mode="fo-cover-row">
    <fo:table-row role="TR" keep-together.within-page="always">
      <fo:table-cell xsl:use-attribute-sets="report.cover.label" role="TH">
        <fo:block role="P"><xsl:apply-templates select="d:label/node()" mode="fo-inline"/></fo:block>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="report.cover.value" role="TD" number-columns-spanned="{$cover-value-columns}">
        <xsl:apply-templates select="d:value/*" mode="fo"/>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <xsl:attribute-set name="report.recommendations">
    <xsl:attribute name="space-after">10pt</xsl:attribute>
  </xsl:attribute-set>

  <!-- Recommendations before the sections. -->
  <xsl:template match="d:box[@role = 'recommendations']" mode="fo">
    <fo:block xsl:use-attribute-sets="report.recommendations" role="Div" id="{@id}">
      <xsl:apply-templates mode="fo"/>
    </fo:block>
  </xsl:template>

  <xsl:attribute-set name="report.contact-box" use-attribute-sets="box">
    <xsl:attribute name="keep-together.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:template match="d:box[@role = 'contact']" mode="fo">
    <fo:block xsl:use-attribute-sets="report.contact-box" role="Div" id="{@id}">
      <xsl:apply-templates mode="fo"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:box[@role = 'contact']/d:p[@role = 'lead-in']" mode="fo">
    <fo:block font-weight="bold" space-after="6pt" role="P"><xsl:apply-templates mode="fo-inline"/></fo:block>
  </xsl:template>

  <!-- ................................................................
       Inlines
       ................................................................ -->

  <xsl:template match="text()" mode="fo-inline"><xsl:value-of select="."/></xsl:template>

  <xsl:template match="d:em | d:cite" mode="fo-inline">
    <fo:inline font-style="italic" role="Span"><xsl:apply-templates mode="fo-inline"/></fo:inline>
  </xsl:template>

  <xsl:template match="d:strong | d:run-in" mode="fo-inline">
    <fo:inline font-weight="bold" role="Span"><xsl:apply-templates mode="fo-inline"/></fo:inline>
  </xsl:template>

  <xsl:template match="d:link" mode="fo-inline">
    <xsl:call-template name="fo-external-link">
      <xsl:with-param name="url" select="@href"/>
      <xsl:with-param name="content"><xsl:apply-templates mode="fo-inline"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="d:blank" mode="fo-inline">
    <xsl:call-template name="fo-blank">
      <xsl:with-param name="length"><xsl:call-template name="fo-blank-length"/></xsl:with-param>
      <xsl:with-param name="in-text" select="string(@in-text)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A blank's printed length from the characters it is for: the
       lengths the documents have always used for them, else 2.5 mm a
       character. -->
  <xsl:template name="fo-blank-length">
    <xsl:choose>
      <xsl:when test="not(@width) or @width = 'short'">short</xsl:when>
      <xsl:when test="@width = 'medium'">medium</xsl:when>
      <xsl:when test="@width = 'line'">long</xsl:when>
      <xsl:when test="@width = 3">8mm</xsl:when>
      <xsl:when test="@width = 4">10mm</xsl:when>
      <xsl:when test="@width = 5">12mm</xsl:when>
      <xsl:when test="@width = 6">15mm</xsl:when>
      <xsl:when test="@width = 8">20mm</xsl:when>
      <xsl:otherwise><xsl:value-of select="concat(@width * 2.5, 'mm')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A span, a defined term: their text (an output with no style for
       them prints them plain). -->
  <xsl:template match="d:span | d:dfn" mode="fo-inline">
    <xsl:apply-templates mode="fo-inline"/>
  </xsl:template>

  <xsl:template match="d:br" mode="fo-inline">
    <fo:block role="artifact"/>
  </xsl:template>

  <!-- FO inlines already made (a document still made straight from the
       arrangement passes them through the model's contents list). -->
  <xsl:template match="fo:*" mode="fo-inline">
    <xsl:copy-of select="."/>
  </xsl:template>
  <!-- ================================================================
       The proforma (model/proforma.xsl): its annex label, its questions
       and answers, a long answer's lines to write on
       ================================================================ -->

  <!-- The question column's share of a proforma's width. -->
  <xsl:param name="question-width" select="38"/>

  <!-- The annex a form belongs to, above its title. -->
  <xsl:template match="d:body/d:p[@role = 'annex-label']" mode="fo">
    <fo:block role="P" font-weight="bold" color="{$nhs-blue}" space-after="2pt"><xsl:apply-templates mode="fo-inline"/></fo:block>
  </xsl:template>

  <!-- Consecutive question tables and wide questions join up: no space
       between them, the shared rule drawn once. -->
  <xsl:attribute-set name="proforma.questions">
    <xsl:attribute name="space-before">0pt</xsl:attribute>
    <xsl:attribute name="space-after">0pt</xsl:attribute>
  </xsl:attribute-set>
  <!-- margin-left/right 0: the border and padding lie inside the text
       column, as a table's do (otherwise XSL puts them outside it). -->
  <xsl:attribute-set name="proforma.wide.question" use-attribute-sets="table.label.cell">
    <xsl:attribute name="margin-left">0pt</xsl:attribute>
    <xsl:attribute name="margin-right">0pt</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="proforma.wide.answer" use-attribute-sets="table.cell">
    <xsl:attribute name="margin-left">0pt</xsl:attribute>
    <xsl:attribute name="margin-right">0pt</xsl:attribute>
    <xsl:attribute name="border-top-style">none</xsl:attribute>
    <xsl:attribute name="font-weight">normal</xsl:attribute>
  </xsl:attribute-set>

  <!-- A form's questions: each run of ordinary questions a two-column
       table (question, answer); a wide question, then its answer across
       the full width, as two ruled blocks kept together. -->
  <xsl:template match="d:questions" mode="fo">
    <xsl:for-each select="d:question">
      <xsl:choose>
        <xsl:when test="@wide = 'yes'">
          <fo:block xsl:use-attribute-sets="proforma.wide.question" role="Div">
            <xsl:if test="preceding-sibling::d:question"><xsl:attribute name="border-top-style">none</xsl:attribute></xsl:if>
            <xsl:call-template name="fo-question-prompt"/>
          </fo:block>
          <fo:block xsl:use-attribute-sets="proforma.wide.answer" role="Div">
            <xsl:apply-templates select="d:answer" mode="fo"/>
          </fo:block>
        </xsl:when>
        <!-- the first of a run of ordinary questions: the run -->
        <xsl:when test="not(preceding-sibling::d:question[1]) or preceding-sibling::d:question[1][@wide = 'yes']">
          <xsl:variable name="k" select="count(preceding-sibling::d:question[@wide = 'yes'])"/>
          <fo:table xsl:use-attribute-sets="table proforma.questions" role="Table">
            <fo:table-column column-width="proportional-column-width({$question-width})"/>
            <fo:table-column column-width="proportional-column-width({100 - $question-width})"/>
            <fo:table-body start-indent="0pt" end-indent="0pt" role="TBody">
              <xsl:for-each select=". | following-sibling::d:question[not(@wide = 'yes')][count(preceding-sibling::d:question[@wide = 'yes']) = $k]">
                <fo:table-row role="TR" keep-together.within-page="always">
                  <fo:table-cell xsl:use-attribute-sets="table.label.cell" role="TH">
                    <xsl:call-template name="fo-question-prompt"/>
                  </fo:table-cell>
                  <fo:table-cell xsl:use-attribute-sets="table.cell" role="TD">
                    <xsl:apply-templates select="d:answer" mode="fo"/>
                  </fo:table-cell>
                </fo:table-row>
              </xsl:for-each>
            </fo:table-body>
          </fo:table>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- A question's number in a hanging column, then its words. -->
  <xsl:template name="fo-question-prompt">
    <fo:list-block role="L" provisional-distance-between-starts="10mm" provisional-label-separation="1mm">
      <fo:list-item role="LI">
        <fo:list-item-label end-indent="label-end()" role="Lbl"><fo:block role="P"><xsl:value-of select="@number"/></fo:block></fo:list-item-label>
        <fo:list-item-body start-indent="body-start()" role="LBody"><fo:block role="P"><xsl:apply-templates select="d:prompt/node()" mode="fo-inline"/></fo:block></fo:list-item-body>
      </fo:list-item>
    </fo:list-block>
  </xsl:template>

  <!-- An answer: its blocks, each run of inlines one paragraph.  A blank
       line alone runs to the end of the line; lines to write on alone
       stay on one page (one line alone overleaf reads as a stray). -->
  <xsl:template match="d:answer" mode="fo">
    <xsl:variable name="blocks" select="d:p | d:list | d:table | d:group | d:blank-lines"/>
    <xsl:choose>
      <xsl:when test="d:blank[@width = 'line'] and count(node()) = 1">
        <fo:block role="P" text-align-last="justify"><xsl:apply-templates mode="fo-inline"/></fo:block>
      </xsl:when>
      <xsl:when test="d:blank-lines and count(node()) = 1">
        <fo:block keep-together.within-page="always" role="Div"><xsl:apply-templates mode="fo"/></fo:block>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="node()">
          <xsl:choose>
            <xsl:when test="count(. | $blocks) = count($blocks)"><xsl:apply-templates select="." mode="fo"/></xsl:when>
            <!-- the first node of a run of inlines: the run, as one block -->
            <xsl:when test="not(preceding-sibling::node()[1]) or count(preceding-sibling::node()[1] | $blocks) = count($blocks)">
              <xsl:variable name="n" select="count(preceding-sibling::node()[count(. | $blocks) = count($blocks)])"/>
              <xsl:variable name="run" select=". | following-sibling::node()[count(. | $blocks) != count($blocks)][count(preceding-sibling::node()[count(. | $blocks) = count($blocks)]) = $n]"/>
              <xsl:if test="$run[self::* or normalize-space(.) != '']">
                <fo:block role="P"><xsl:apply-templates select="$run" mode="fo-inline"/></fo:block>
              </xsl:if>
            </xsl:when>
          </xsl:choose>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A line of an answer: a plain block; a dated step of its history
       set a little apart from the next. -->
  <xsl:template match="d:answer/d:p" mode="fo">
    <fo:block role="P"><xsl:apply-templates mode="fo-inline"/></fo:block>
  </xsl:template>
  <xsl:template match="d:answer/d:p[@role = 'event']" mode="fo">
    <fo:block role="P" space-after="3pt"><xsl:apply-templates mode="fo-inline"/></fo:block>
  </xsl:template>

  <!-- The CCG's own prose in an answer: its paragraphs and lists as in a
       text, with nothing around them. -->
  <xsl:template match="d:group[@role = 'own-words']" mode="fo">
    <xsl:apply-templates mode="fo"/>
  </xsl:template>

  <!-- A bulleted item of lines (an observer and the CCG's words on it, a
       risk and its mitigation): each line a block. -->
  <xsl:template match="d:list[@type = 'bulleted']/d:item[not(@label)][d:p]" mode="fo">
    <fo:list-item xsl:use-attribute-sets="list.item" role="LI">
      <xsl:if test="not(../parent::d:td)"><xsl:call-template name="list-item-keeps"/></xsl:if>
      <fo:list-item-label end-indent="label-end()" role="Lbl">
        <fo:block role="P">
          <xsl:choose>
            <xsl:when test="ancestor::d:list[2]"><xsl:value-of select="$bullet-nested"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$bullet"/></xsl:otherwise>
          </xsl:choose>
        </fo:block>
      </fo:list-item-label>
      <fo:list-item-body start-indent="body-start()" role="LBody">
        <xsl:apply-templates select="*" mode="fo"/>
      </fo:list-item-body>
    </fo:list-item>
  </xsl:template>
  <xsl:template match="d:item/d:p[@role = 'mitigation']" mode="fo">
    <fo:block role="P" font-style="italic"><xsl:apply-templates mode="fo-inline"/></fo:block>
  </xsl:template>

  <!-- Lines to write on. -->
  <xsl:template match="d:blank-lines" mode="fo">
    <xsl:call-template name="fo-blank-lines"><xsl:with-param name="lines" select="@lines"/></xsl:call-template>
  </xsl:template>
  <!-- ================================================================
       The mandate summary and the ballot paper (issue 20, H2): their
       FO as it was when they were made straight from the arrangement.
       ================================================================ -->

  <!-- The mandate summary's list of returns is set smaller, to keep to
       the page. -->
  <xsl:param name="returns-font-size" select="'8.5pt'"/>

  <!-- The summary's facts: "Label: value", a line each, close together
       so that the summary keeps to one page. -->
  <xsl:template match="d:fields[@role = 'facts']" mode="fo">
    <xsl:for-each select="d:field">
      <fo:block role="P" space-after="2pt">
        <fo:inline font-weight="bold" role="Span"><xsl:apply-templates select="d:label/node()" mode="fo-inline"/><xsl:text> </xsl:text></fo:inline>
        <xsl:apply-templates select="d:value/node()" mode="fo-inline"/>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- The returns by model (set a paragraph apart from the facts), and
       the returns one by one (smaller type). -->
  <xsl:template match="d:table[@role = 'returns-by-model' or @role = 'returns']" mode="fo">
    <fo:table xsl:use-attribute-sets="table" role="Table">
      <xsl:choose>
        <xsl:when test="@role = 'returns'">
          <xsl:attribute name="font-size"><xsl:value-of select="$returns-font-size"/></xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="space-before"><xsl:value-of select="$para-space"/></xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="d:col">
        <fo:table-column column-width="proportional-column-width({@width})"/>
      </xsl:for-each>
      <fo:table-header start-indent="0pt" end-indent="0pt" role="THead">
        <xsl:apply-templates select="d:head/d:row" mode="fo"/>
      </fo:table-header>
      <fo:table-body start-indent="0pt" end-indent="0pt" role="TBody">
        <xsl:apply-templates select="d:body/d:row" mode="fo"/>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- The total of the returns: a bold row. -->
  <xsl:template match="d:table[@role = 'returns-by-model']/d:body/d:row[@role = 'total']" mode="fo">
    <fo:table-row role="TR" font-weight="bold">
      <xsl:apply-templates select="d:th | d:td" mode="fo"/>
    </fo:table-row>
  </xsl:template>

  <!-- The summary's run-in labels ("Turnout:") carry the space after
       them in their bold, as the summary always printed them: the
       model's space after the run-in moves inside it. -->
  <xsl:template match="d:p[@role = 'turnout' or @role = 'result' or @role = 'member-vote' or @role = 'governing-body']/d:run-in" mode="fo-inline">
    <fo:inline font-weight="bold" role="Span"><xsl:apply-templates mode="fo-inline"/><xsl:text> </xsl:text></fo:inline>
  </xsl:template>
  <xsl:template match="d:p[@role = 'turnout' or @role = 'result' or @role = 'member-vote' or @role = 'governing-body']/text()[preceding-sibling::node()[1][self::d:run-in]]" mode="fo-inline">
    <xsl:choose>
      <xsl:when test="starts-with(., ' ')"><xsl:value-of select="substring(., 2)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The returns: a sub-heading (H2 below the summary's title), then
       the table and the count of practices with no return. -->
  <xsl:template match="d:section[@role = 'returns']" mode="fo">
    <fo:block xsl:use-attribute-sets="subsection.heading" role="H2" id="{@id}">
      <xsl:apply-templates select="d:heading/node()" mode="fo-inline"/>
    </fo:block>
    <xsl:apply-templates select="*[not(self::d:heading)]" mode="fo"/>
  </xsl:template>
  <!-- The ballot paper's title, and the room left in each model's box
       for the practice's mark. -->
  <xsl:param name="ballot-title-font-size" select="'20pt'"/>
  <xsl:param name="box-space" select="'22mm'"/>

  <!-- One ballot paper: on a page of its own, and kept on it. -->
  <xsl:template match="d:group[@role = 'ballot-paper']" mode="fo">
    <fo:block role="Div">
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
      <xsl:if test="@keep = 'together'"><xsl:attribute name="keep-together.within-page">always</xsl:attribute></xsl:if>
      <xsl:if test="@new-page = 'yes'"><xsl:attribute name="break-before">page</xsl:attribute></xsl:if>
      <xsl:apply-templates mode="fo"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:group[@role = 'ballot-paper']/d:title" mode="fo">
    <fo:block role="H1" font-size="{$ballot-title-font-size}" font-weight="bold" line-height="1.2"
              color="{$title-color}" text-align="center" space-after="14pt">
      <xsl:apply-templates mode="fo-inline"/>
    </fo:block>
  </xsl:template>

  <!-- The practice header: a ruled box, centred. -->
  <xsl:template match="d:box[@role = 'practice-header']" mode="fo">
    <fo:block role="Div" margin-left="0pt" margin-right="0pt" border="1pt solid {$nhs-dark-grey}" padding="8pt" space-after="16pt" text-align="center">
      <xsl:apply-templates mode="fo"/>
    </fo:block>
  </xsl:template>

  <!-- The practice's name heads its paper in the model (and in HTML and
       DOCX); the PDF has always tagged it a paragraph, large and bold,
       and keeps it so. -->
  <xsl:template match="d:box[@role = 'practice-header']/d:subheading[@role = 'practice']" mode="fo">
    <fo:block role="P" font-size="16pt" font-weight="bold"><xsl:apply-templates mode="fo-inline"/></fo:block>
  </xsl:template>

  <!-- The blank paper's "Practice Header": where the practice writes. -->
  <xsl:template match="d:box[@role = 'practice-header']/d:subheading[@role = 'placeholder']" mode="fo">
    <fo:block role="P" color="{$nhs-dark-grey}" padding-top="10pt" padding-bottom="6pt"><xsl:apply-templates mode="fo-inline"/></fo:block>
  </xsl:template>

  <!-- The practice's code: "Practice code: T90001"; to complete, its
       label bold and dots to the end of the line. -->
  <xsl:template match="d:box[@role = 'practice-header']/d:fields" mode="fo">
    <xsl:for-each select="d:field">
      <xsl:choose>
        <xsl:when test="d:value/d:blank and normalize-space(d:value) = ''">
          <fo:block role="P" text-align="start" text-align-last="justify">
            <fo:inline font-weight="bold" role="Span"><xsl:apply-templates select="d:label/node()" mode="fo-inline"/></fo:inline>
            <xsl:text> </xsl:text>
            <xsl:call-template name="fo-ballot-dots"/>
          </fo:block>
        </xsl:when>
        <xsl:otherwise>
          <fo:block role="P">
            <xsl:apply-templates select="d:label/node()" mode="fo-inline"/>
            <xsl:text> </xsl:text>
            <xsl:apply-templates select="d:value/node()" mode="fo-inline"/>
          </fo:block>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- The dots of a line to write on, to the end of the line. -->
  <xsl:template name="fo-ballot-dots">
    <fo:inline xsl:use-attribute-sets="blank" role="Span"><fo:leader leader-pattern="dots"/></fo:inline>
  </xsl:template>

  <!-- "(Name of Practice) wishes to mandate (Name of CCG) …": larger. -->
  <xsl:template match="d:group[@role = 'ballot-paper']/d:p[@role = 'mandate']" mode="fo">
    <fo:block role="P" font-size="14pt" line-height="1.4" space-after="16pt"><xsl:apply-templates mode="fo-inline"/></fo:block>
  </xsl:template>

  <!-- The three models side by side, a ruled box each with room for the
       mark: to a screen reader, a list of the three (the table is only
       there for the layout). -->
  <xsl:template match="d:choices[@role = 'ballot']" mode="fo">
    <fo:table table-layout="fixed" width="100%" border-collapse="separate" border-separation="4mm" role="L">
      <xsl:for-each select="d:choice">
        <fo:table-column column-width="proportional-column-width(1)"/>
      </xsl:for-each>
      <fo:table-body start-indent="0pt" end-indent="0pt" role="NonStruct">
        <fo:table-row role="NonStruct">
          <xsl:for-each select="d:choice">
            <fo:table-cell border="2pt solid {$nhs-black}" padding="6pt" padding-bottom="{$box-space}" role="LI" text-align="center">
              <fo:block role="LBody">
                <fo:block role="P" font-size="14pt" font-weight="bold"><xsl:apply-templates select="d:label/node()" mode="fo-inline"/></fo:block>
                <xsl:for-each select="d:description">
                  <fo:block role="P"><xsl:apply-templates mode="fo-inline"/></fo:block>
                </xsl:for-each>
              </fo:block>
            </fo:table-cell>
          </xsl:for-each>
        </fo:table-row>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template match="d:group[@role = 'ballot-paper']/d:p[@role = 'instruction']" mode="fo">
    <fo:block role="P" space-before="14pt" space-after="24pt"><xsl:apply-templates mode="fo-inline"/></fo:block>
  </xsl:template>

  <!-- Signed, On behalf of, Date, Return by: the label bold, then the
       value, or dots to the end of the line. -->
  <xsl:template match="d:fields[@role = 'ballot-return']" mode="fo">
    <xsl:for-each select="d:field">
      <xsl:variable name="to-write" select="d:value/d:blank and normalize-space(d:value) = ''"/>
      <fo:block role="P" space-after="18pt">
        <xsl:if test="$to-write"><xsl:attribute name="text-align-last">justify</xsl:attribute></xsl:if>
        <fo:inline font-weight="bold" role="Span"><xsl:apply-templates select="d:label/node()" mode="fo-inline"/></fo:inline>
        <xsl:text> </xsl:text>
        <xsl:choose>
          <xsl:when test="$to-write"><xsl:call-template name="fo-ballot-dots"/></xsl:when>
          <xsl:otherwise><xsl:apply-templates select="d:value/node()" mode="fo-inline"/></xsl:otherwise>
        </xsl:choose>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="d:group[@role = 'ballot-paper']/d:p[@role = 'advice']" mode="fo">
    <fo:block role="P" color="{$nhs-dark-grey}" space-before="24pt"><xsl:apply-templates mode="fo-inline"/></fo:block>
  </xsl:template>
</xsl:stylesheet>
