<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/output/docx.xsl: the document model (urn:cocom:document:1,
  stylesheets/model/document.rng) as a Word document (WordprocessingML,
  ECMA-376), for a committee secretary to edit.

  It writes the parts of the package, in the order they go in the zip, as

    <package xmlns="urn:cocom:package:1">
      <part name="[Content_Types].xml"> … </part> …
    </package>

  which src/outputs.c writes as a zip with libzip (fixed order and times).

  How each construct looks here:
    title, subtitle, headings     Word's built-in styles Title, Subtitle,
        Heading 1-6 (a top-level section's heading is Heading 1), section
        numbers as text before the heading;
    clause with a number          style List Number with real numbering:
        each run of consecutive clauses numbered alike ("2.1", "2.2") is
        one w:num whose level text is the common prefix and %1 ("2.%1"),
        starting at the first clause's number, so Word prints the model's
        numbers and a clause inserted in Word renumbers those after it;
        the abstract numbering is multilevel (%1, %1.%2, %1.%2.%3);
    list                          List Bullet / List Number, one numbering
        per list (it restarts), labels given by the model as text;
    table                         a table whose head rows repeat on each
        page (w:tblHeader), column widths from the col proportions, a
        first-column rowspan merged down (w:vMerge);
    blank                         a highlighted, underlined gap;
    running head and foot         the header and footer of every page, the
        foot with Word's PAGE and NUMPAGES fields;
    metadata                      core properties: title, language,
        creator, description, date.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:cocom:document:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:k="urn:cocom:package:1"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    exclude-result-prefixes="d exsl">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="W" select="'http://schemas.openxmlformats.org/wordprocessingml/2006/main'"/>
  <xsl:variable name="doc" select="/d:document"/>
  <xsl:variable name="lang" select="$doc/@xml:lang"/>
  <xsl:variable name="has-header" select="boolean($doc/d:metadata/d:running-head)"/>
  <xsl:variable name="has-footer" select="true()"/>
  <!-- The text width in twentieths of a point (A4, 2 cm margins). -->
  <xsl:variable name="text-width" select="9638"/>

  <!-- === clause numbering ============================================
       Every numbered clause, split into prefix, number and suffix
       ("2.1" is "2." 1 ""; "3." is "" 3 "."); a clause whose number ends
       in no digits is not numbered by Word (its number is text). -->
  <xsl:variable name="clauses-rtf">
    <xsl:for-each select="$doc/d:body//d:clause[string(@number) != '']">
      <xsl:variable name="num" select="normalize-space(@number)"/>
      <xsl:variable name="suffix">
        <xsl:call-template name="trailing-nondigits"><xsl:with-param name="s" select="$num"/></xsl:call-template>
      </xsl:variable>
      <xsl:variable name="rest" select="substring($num, 1, string-length($num) - string-length($suffix))"/>
      <xsl:variable name="digits">
        <xsl:call-template name="trailing-digits"><xsl:with-param name="s" select="$rest"/></xsl:call-template>
      </xsl:variable>
      <c id="{generate-id()}" prefix="{substring($rest, 1, string-length($rest) - string-length($digits))}"
         n="{$digits}" suffix="{$suffix}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="clauses0" select="exsl:node-set($clauses-rtf)/c[@n != '' and string-length(@n) &lt; 6]"/>
  <!-- A run starts where the clause before with the same prefix and
       suffix is not one less. -->
  <xsl:variable name="clauses-runs-rtf">
    <xsl:for-each select="$clauses0">
      <xsl:variable name="prev" select="preceding-sibling::c[@prefix = current()/@prefix and @suffix = current()/@suffix][1]"/>
      <c id="{@id}" prefix="{@prefix}" suffix="{@suffix}" n="{@n}"
         start="{not($prev) or number($prev/@n) != number(@n) - 1}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="clauses" select="exsl:node-set($clauses-runs-rtf)/c"/>
  <xsl:variable name="runs" select="$clauses[@start = 'true']"/>

  <!-- Lists Word numbers: numbered and lettered lists without labels. -->
  <xsl:variable name="numbered-lists" select="$doc/d:body//d:list[@type != 'bulleted' and not(d:item/@label)]"/>

  <xsl:template name="trailing-nondigits">
    <xsl:param name="s"/>
    <xsl:variable name="last" select="substring($s, string-length($s))"/>
    <xsl:if test="$s != '' and not(contains('0123456789', $last))">
      <xsl:call-template name="trailing-nondigits"><xsl:with-param name="s" select="substring($s, 1, string-length($s) - 1)"/></xsl:call-template>
      <xsl:value-of select="$last"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="trailing-digits">
    <xsl:param name="s"/>
    <xsl:variable name="last" select="substring($s, string-length($s))"/>
    <xsl:if test="$s != '' and contains('0123456789', $last)">
      <xsl:call-template name="trailing-digits"><xsl:with-param name="s" select="substring($s, 1, string-length($s) - 1)"/></xsl:call-template>
      <xsl:value-of select="$last"/>
    </xsl:if>
  </xsl:template>

  <!-- === the package ================================================= -->

  <xsl:template match="/">
    <xsl:if test="not($doc)">
      <xsl:message terminate="yes">docx.xsl: the input is not a document of the model (urn:cocom:document:1)</xsl:message>
    </xsl:if>
    <k:package>
      <k:part name="[Content_Types].xml">
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
          <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
          <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
          <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
          <xsl:if test="$has-header">
            <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
          </xsl:if>
          <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
          <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
          <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
        </Types>
      </k:part>
      <k:part name="_rels/.rels">
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
          <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
          <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
        </Relationships>
      </k:part>
      <k:part name="docProps/core.xml">
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <dc:title><xsl:value-of select="normalize-space($doc/d:metadata/d:title)"/></dc:title>
          <xsl:if test="$doc/d:metadata/d:description">
            <dc:description><xsl:value-of select="normalize-space($doc/d:metadata/d:description)"/></dc:description>
          </xsl:if>
          <dc:creator><xsl:value-of select="normalize-space($doc/d:metadata/d:issuer)"/></dc:creator>
          <dc:language><xsl:value-of select="$lang"/></dc:language>
          <xsl:if test="string-length($doc/d:metadata/d:date/@value) = 10">
            <dcterms:created xsi:type="dcterms:W3CDTF"><xsl:value-of select="$doc/d:metadata/d:date/@value"/>T00:00:00Z</dcterms:created>
          </xsl:if>
        </cp:coreProperties>
      </k:part>
      <k:part name="docProps/app.xml">
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
          <Application>cocom</Application>
        </Properties>
      </k:part>
      <k:part name="word/_rels/document.xml.rels">
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
          <Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
          <Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
          <xsl:if test="$has-header">
            <Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
          </xsl:if>
          <Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
          <xsl:for-each select="$doc//d:link">
            <Relationship Id="{concat('L', generate-id())}" TargetMode="External"
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="{@href}"/>
          </xsl:for-each>
        </Relationships>
      </k:part>
      <xsl:if test="$has-header">
        <k:part name="word/_rels/header1.xml.rels">
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>
        </k:part>
      </xsl:if>
      <k:part name="word/_rels/footer1.xml.rels">
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <xsl:for-each select="$doc/d:metadata/d:running-foot//d:link">
            <Relationship Id="{concat('L', generate-id())}" TargetMode="External"
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="{@href}"/>
          </xsl:for-each>
        </Relationships>
      </k:part>
      <k:part name="word/document.xml">
        <w:document>
          <w:body>
            <xsl:if test="not($doc/d:body//d:title)">
              <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><xsl:call-template name="text-run"><xsl:with-param name="text" select="normalize-space($doc/d:metadata/d:title)"/></xsl:call-template></w:p>
              <xsl:if test="$doc/d:metadata/d:subtitle">
                <w:p><w:pPr><w:pStyle w:val="Subtitle"/></w:pPr><xsl:call-template name="text-run"><xsl:with-param name="text" select="normalize-space($doc/d:metadata/d:subtitle)"/></xsl:call-template></w:p>
              </xsl:if>
            </xsl:if>
            <xsl:apply-templates select="$doc/d:body/*"/>
            <w:sectPr>
              <xsl:if test="$has-header">
                <w:headerReference w:type="default" r:id="rIdHeader"/>
              </xsl:if>
              <w:footerReference w:type="default" r:id="rIdFooter"/>
              <w:pgSz w:w="11906" w:h="16838"/>
              <w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>
            </w:sectPr>
          </w:body>
        </w:document>
      </k:part>
      <k:part name="word/styles.xml">
        <xsl:call-template name="styles"/>
      </k:part>
      <k:part name="word/numbering.xml">
        <xsl:call-template name="numbering"/>
      </k:part>
      <k:part name="word/settings.xml">
        <w:settings>
          <w:defaultTabStop w:val="567"/>
          <w:characterSpacingControl w:val="doNotCompress"/>
          <w:themeFontLang w:val="{$lang}"/>
        </w:settings>
      </k:part>
      <xsl:if test="$has-header">
        <k:part name="word/header1.xml">
          <w:hdr>
            <xsl:for-each select="$doc/d:metadata/d:running-head">
              <w:p>
                <w:pPr><w:pStyle w:val="Header"/><w:tabs><w:tab w:val="right" w:pos="{$text-width}"/></w:tabs></w:pPr>
                <xsl:call-template name="text-run"><xsl:with-param name="text" select="normalize-space(d:start)"/></xsl:call-template>
                <xsl:if test="d:end">
                  <w:r><w:tab/></w:r>
                  <xsl:call-template name="text-run"><xsl:with-param name="text" select="normalize-space(d:end)"/></xsl:call-template>
                </xsl:if>
              </w:p>
            </xsl:for-each>
          </w:hdr>
        </k:part>
      </xsl:if>
      <k:part name="word/footer1.xml">
        <w:ftr>
          <xsl:for-each select="$doc/d:metadata/d:running-foot">
            <w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><xsl:apply-templates mode="inline"/></w:p>
          </xsl:for-each>
          <!-- "Page N of M": the output's own words (document.rng) -->
          <w:p>
            <w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="right"/></w:pPr>
            <w:r><w:t xml:space="preserve">Page </w:t></w:r>
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
            <w:r><w:t xml:space="preserve"> of </w:t></w:r>
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r>
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
          </w:p>
        </w:ftr>
      </k:part>
    </k:package>
  </xsl:template>

  <!-- === styles: Word's built-in names, so Word and LibreOffice know them -->
  <xsl:template name="styles">
    <w:styles>
      <w:docDefaults>
        <w:rPrDefault><w:rPr>
          <w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" w:eastAsia="Liberation Sans" w:cs="Liberation Sans"/>
          <w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="{$lang}"/>
        </w:rPr></w:rPrDefault>
        <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>
      </w:docDefaults>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
      <w:style w:type="paragraph" w:styleId="Title">
        <w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
        <w:pPr><w:keepNext/><w:spacing w:after="240"/><w:outlineLvl w:val="0"/></w:pPr>
        <w:rPr><w:b/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Subtitle">
        <w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
        <w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>
      </w:style>
      <xsl:call-template name="heading-style"><xsl:with-param name="n" select="1"/><xsl:with-param name="size" select="32"/></xsl:call-template>
      <xsl:call-template name="heading-style"><xsl:with-param name="n" select="2"/><xsl:with-param name="size" select="28"/></xsl:call-template>
      <xsl:call-template name="heading-style"><xsl:with-param name="n" select="3"/><xsl:with-param name="size" select="24"/></xsl:call-template>
      <xsl:call-template name="heading-style"><xsl:with-param name="n" select="4"/><xsl:with-param name="size" select="22"/></xsl:call-template>
      <xsl:call-template name="heading-style"><xsl:with-param name="n" select="5"/><xsl:with-param name="size" select="22"/></xsl:call-template>
      <xsl:call-template name="heading-style"><xsl:with-param name="n" select="6"/><xsl:with-param name="size" select="22"/></xsl:call-template>
      <w:style w:type="paragraph" w:styleId="ListNumber">
        <w:name w:val="List Number"/><w:basedOn w:val="Normal"/><w:qFormat/>
        <w:pPr><w:numPr><w:numId w:val="2"/></w:numPr><w:ind w:left="709" w:hanging="709"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="ListBullet">
        <w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:qFormat/>
        <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:ind w:left="709" w:hanging="357"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="ListParagraph">
        <w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/>
        <w:pPr><w:ind w:left="709"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Caption">
        <w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
        <w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="TOCHeading">
        <w:name w:val="TOC Heading"/><w:basedOn w:val="Heading1"/><w:next w:val="Normal"/><w:qFormat/>
        <w:pPr><w:outlineLvl w:val="9"/></w:pPr>
      </w:style>
      <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/></w:style>
      <w:style w:type="character" w:styleId="Hyperlink">
        <w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0B4F9C"/><w:u w:val="single"/></w:rPr>
      </w:style>
      <w:style w:type="table" w:default="1" w:styleId="TableNormal">
        <w:name w:val="Normal Table"/>
        <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>
      </w:style>
      <w:style w:type="table" w:styleId="TableGrid">
        <w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>
        <w:pPr><w:spacing w:after="0"/></w:pPr>
        <w:tblPr><w:tblBorders>
          <w:top w:val="single" w:sz="4" w:space="0" w:color="767676"/><w:left w:val="single" w:sz="4" w:space="0" w:color="767676"/>
          <w:bottom w:val="single" w:sz="4" w:space="0" w:color="767676"/><w:right w:val="single" w:sz="4" w:space="0" w:color="767676"/>
          <w:insideH w:val="single" w:sz="4" w:space="0" w:color="767676"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="767676"/>
        </w:tblBorders></w:tblPr>
      </w:style>
    </w:styles>
  </xsl:template>

  <xsl:template name="heading-style">
    <xsl:param name="n"/>
    <xsl:param name="size"/>
    <w:style w:type="paragraph" w:styleId="Heading{$n}">
      <w:name w:val="heading {$n}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
      <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="{$n - 1}"/></w:pPr>
      <w:rPr><w:b/><w:sz w:val="{$size}"/><w:szCs w:val="{$size}"/></w:rPr>
    </w:style>
  </xsl:template>

  <!-- === numbering ==================================================== -->
  <xsl:template name="numbering">
    <w:numbering>
      <!-- 1: bullets, a level per nesting -->
      <w:abstractNum w:abstractNumId="1">
        <w:multiLevelType w:val="hybridMultilevel"/>
        <xsl:call-template name="bullet-level"><xsl:with-param name="l" select="0"/><xsl:with-param name="c" select="'&#8226;'"/></xsl:call-template>
        <xsl:call-template name="bullet-level"><xsl:with-param name="l" select="1"/><xsl:with-param name="c" select="'&#8211;'"/></xsl:call-template>
        <xsl:call-template name="bullet-level"><xsl:with-param name="l" select="2"/><xsl:with-param name="c" select="'&#8226;'"/></xsl:call-template>
      </w:abstractNum>
      <!-- 2: the List Number style's own: 1. 1.1 1.1.1 -->
      <xsl:call-template name="abstract-num">
        <xsl:with-param name="id" select="2"/>
        <xsl:with-param name="prefix" select="''"/>
        <xsl:with-param name="suffix" select="'.'"/>
        <xsl:with-param name="start" select="1"/>
      </xsl:call-template>
      <!-- one per run of clauses -->
      <xsl:for-each select="$runs">
        <xsl:call-template name="abstract-num">
          <xsl:with-param name="id" select="100 + position()"/>
          <xsl:with-param name="prefix" select="@prefix"/>
          <xsl:with-param name="suffix" select="@suffix"/>
          <xsl:with-param name="start" select="number(@n)"/>
        </xsl:call-template>
      </xsl:for-each>
      <!-- one per numbered or lettered list, so that each starts again -->
      <xsl:for-each select="$numbered-lists">
        <xsl:call-template name="abstract-num">
          <xsl:with-param name="id" select="10000 + position()"/>
          <xsl:with-param name="prefix" select="substring('(', 1, number(@type = 'lettered'))"/>
          <xsl:with-param name="suffix" select="substring('.)', 1 + number(@type = 'lettered'), 1)"/>
          <xsl:with-param name="start" select="1"/>
          <xsl:with-param name="format" select="substring('decimal    lowerLetter', 1 + 11 * number(@type = 'lettered'), 11)"/>
        </xsl:call-template>
      </xsl:for-each>
      <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
      <xsl:for-each select="$runs">
        <w:num w:numId="{100 + position()}"><w:abstractNumId w:val="{100 + position()}"/></w:num>
      </xsl:for-each>
      <xsl:for-each select="$numbered-lists">
        <w:num w:numId="{10000 + position()}"><w:abstractNumId w:val="{10000 + position()}"/></w:num>
      </xsl:for-each>
    </w:numbering>
  </xsl:template>

  <xsl:template name="bullet-level">
    <xsl:param name="l"/>
    <xsl:param name="c"/>
    <w:lvl w:ilvl="{$l}">
      <w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{$c}"/><w:lvlJc w:val="left"/>
      <w:pPr><w:ind w:left="{709 + 425 * $l}" w:hanging="357"/></w:pPr>
    </w:lvl>
  </xsl:template>

  <!-- A multilevel numbering whose first level prints prefix, the number
       and suffix ("2." 1 "" gives 2.1, 2.2 …), the next levels that and
       .%2, .%2.%3. -->
  <xsl:template name="abstract-num">
    <xsl:param name="id"/>
    <xsl:param name="prefix"/>
    <xsl:param name="suffix"/>
    <xsl:param name="start"/>
    <xsl:param name="format" select="'decimal'"/>
    <w:abstractNum w:abstractNumId="{$id}">
      <w:multiLevelType w:val="multilevel"/>
      <w:lvl w:ilvl="0">
        <w:start w:val="{$start}"/><w:numFmt w:val="{normalize-space($format)}"/>
        <w:lvlText w:val="{$prefix}%1{$suffix}"/><w:lvlJc w:val="left"/>
        <w:pPr><w:ind w:left="709" w:hanging="709"/></w:pPr>
      </w:lvl>
      <w:lvl w:ilvl="1">
        <w:start w:val="1"/><w:numFmt w:val="decimal"/>
        <w:lvlText w:val="{$prefix}%1.%2"/><w:lvlJc w:val="left"/>
        <w:pPr><w:ind w:left="1418" w:hanging="709"/></w:pPr>
      </w:lvl>
      <w:lvl w:ilvl="2">
        <w:start w:val="1"/><w:numFmt w:val="decimal"/>
        <w:lvlText w:val="{$prefix}%1.%2.%3"/><w:lvlJc w:val="left"/>
        <w:pPr><w:ind w:left="2268" w:hanging="850"/></w:pPr>
      </w:lvl>
    </w:abstractNum>
  </xsl:template>

  <!-- === blocks ======================================================= -->

  <!-- A bookmark around a paragraph, for the contents' links. -->
  <xsl:template name="bookmark-start">
    <xsl:if test="@id">
      <w:bookmarkStart w:id="{count(preceding::*[@id]) + count(ancestor::*[@id]) + 1}" w:name="{@id}"/>
    </xsl:if>
  </xsl:template>
  <xsl:template name="bookmark-end">
    <xsl:if test="@id">
      <w:bookmarkEnd w:id="{count(preceding::*[@id]) + count(ancestor::*[@id]) + 1}"/>
    </xsl:if>
  </xsl:template>

  <!-- Page hints as paragraph properties. -->
  <xsl:template name="hints">
    <!-- in the order of the schema: keepNext before pageBreakBefore -->
    <xsl:if test="@keep = 'with-next' or @keep = 'together'"><w:keepNext/></xsl:if>
    <xsl:if test="@new-page = 'yes'"><w:pageBreakBefore/></xsl:if>
  </xsl:template>

  <!-- A paragraph of the given style holding the inline content of $nodes,
       after $number (text and a tab) when given. -->
  <xsl:template name="para">
    <xsl:param name="style" select="''"/>
    <xsl:param name="nodes" select="node()"/>
    <xsl:param name="number" select="''"/>
    <xsl:param name="num-id" select="''"/>
    <xsl:param name="ilvl" select="0"/>
    <xsl:param name="indent" select="''"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:param name="hints" select="."/>
    <xsl:param name="jc" select="''"/>
    <w:p>
      <w:pPr>
        <xsl:if test="$style != ''"><w:pStyle w:val="{$style}"/></xsl:if>
        <xsl:for-each select="$hints"><xsl:call-template name="hints"/></xsl:for-each>
        <xsl:if test="$num-id != ''">
          <w:numPr><w:ilvl w:val="{$ilvl}"/><w:numId w:val="{$num-id}"/></w:numPr>
        </xsl:if>
        <xsl:if test="$number != ''">
          <w:tabs><w:tab w:val="left" w:pos="709"/></w:tabs>
        </xsl:if>
        <xsl:if test="$indent != ''"><w:ind w:left="{$indent}"/></xsl:if>
        <xsl:if test="$jc != ''"><w:jc w:val="{$jc}"/></xsl:if>
      </w:pPr>
      <xsl:if test="$number != ''">
        <xsl:call-template name="text-run"><xsl:with-param name="text" select="$number"/><xsl:with-param name="bold" select="$bold"/></xsl:call-template>
        <w:r><w:tab/></w:r>
      </xsl:if>
      <xsl:apply-templates select="$nodes" mode="inline">
        <xsl:with-param name="bold" select="$bold"/>
      </xsl:apply-templates>
    </w:p>
  </xsl:template>

  <xsl:template name="heading-level">
    <xsl:param name="level"/>
    <xsl:choose>
      <xsl:when test="$level &lt; 1">1</xsl:when>
      <xsl:when test="$level &gt; 6">6</xsl:when>
      <xsl:otherwise><xsl:value-of select="$level"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="d:section">
    <xsl:variable name="level">
      <xsl:call-template name="heading-level"><xsl:with-param name="level" select="count(ancestor-or-self::d:section)"/></xsl:call-template>
    </xsl:variable>
    <w:p>
      <w:pPr>
        <w:pStyle w:val="Heading{$level}"/>
        <xsl:call-template name="hints"/>
      </w:pPr>
      <xsl:call-template name="bookmark-start"/>
      <xsl:if test="string(@number) != ''">
        <xsl:call-template name="text-run"><xsl:with-param name="text" select="concat(normalize-space(@number), ' ')"/></xsl:call-template>
      </xsl:if>
      <xsl:apply-templates select="d:heading/node()" mode="inline"/>
      <xsl:call-template name="bookmark-end"/>
    </w:p>
    <xsl:apply-templates select="*[not(self::d:heading)]"/>
  </xsl:template>

  <xsl:template match="d:title">
    <w:p>
      <w:pPr><w:pStyle w:val="Title"/><xsl:call-template name="hints"/></w:pPr>
      <xsl:call-template name="bookmark-start"/>
      <xsl:apply-templates mode="inline"/>
      <xsl:call-template name="bookmark-end"/>
    </w:p>
  </xsl:template>

  <xsl:template match="d:subtitle">
    <xsl:call-template name="para"><xsl:with-param name="style" select="'Subtitle'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="d:subheading">
    <xsl:variable name="level">
      <xsl:call-template name="heading-level">
        <xsl:with-param name="level">
          <xsl:choose>
            <xsl:when test="@level"><xsl:value-of select="@level - 1"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="count(ancestor::d:section) + 1"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="para"><xsl:with-param name="style" select="concat('Heading', $level)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="d:p">
    <xsl:param name="indent" select="''"/>
    <xsl:call-template name="para"><xsl:with-param name="indent" select="$indent"/></xsl:call-template>
  </xsl:template>

  <!-- Flow content: the inline runs as paragraphs, the blocks as
       themselves; $first-number begins the first paragraph. -->
  <xsl:template name="flow">
    <xsl:param name="indent" select="''"/>
    <xsl:param name="style" select="''"/>
    <xsl:param name="number" select="''"/>
    <xsl:param name="num-id" select="''"/>
    <xsl:param name="ilvl" select="0"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:param name="jc" select="''"/>
    <xsl:variable name="first" select="node()[self::* or normalize-space(.) != ''][1]"/>
    <xsl:variable name="starts-with-block" select="boolean($first[self::d:p or self::d:list or self::d:table or self::d:group or self::d:blank-lines or self::d:definitions])"/>
    <!-- the number (or Word's numbering) needs a paragraph of its own when
         a block comes first, or when there is nothing at all -->
    <xsl:if test="$starts-with-block or not($first)">
      <xsl:if test="$number != '' or $num-id != '' or not($first)">
        <xsl:call-template name="para">
          <xsl:with-param name="nodes" select="/.."/>
          <xsl:with-param name="style" select="$style"/>
          <xsl:with-param name="number" select="$number"/>
          <xsl:with-param name="num-id" select="$num-id"/>
          <xsl:with-param name="ilvl" select="$ilvl"/>
          <xsl:with-param name="indent" select="$indent"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
    <xsl:for-each select="node()">
      <xsl:choose>
        <xsl:when test="self::d:p or self::d:list or self::d:table or self::d:group or self::d:blank-lines or self::d:definitions">
          <xsl:apply-templates select=".">
            <xsl:with-param name="indent" select="$indent"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:when test="(not(preceding-sibling::node()[1]) or preceding-sibling::node()[1][self::d:p or self::d:list or self::d:table or self::d:group or self::d:blank-lines or self::d:definitions])
                        and (self::* or normalize-space(.) != '' or following-sibling::node()[1][not(self::d:p or self::d:list or self::d:table or self::d:group or self::d:blank-lines or self::d:definitions)])">
          <xsl:variable name="is-first" select="not($starts-with-block) and not(preceding-sibling::node()[self::* or normalize-space(.) != ''])"/>
          <xsl:variable name="run-rtf">
            <xsl:apply-templates select="." mode="collect"/>
          </xsl:variable>
          <xsl:variable name="me" select="."/>
          <xsl:call-template name="para">
            <xsl:with-param name="nodes" select=". | following-sibling::node()[count(preceding-sibling::node()[self::d:p or self::d:list or self::d:table or self::d:group or self::d:blank-lines or self::d:definitions]) = count($me/preceding-sibling::node()[self::d:p or self::d:list or self::d:table or self::d:group or self::d:blank-lines or self::d:definitions])][not(self::d:p or self::d:list or self::d:table or self::d:group or self::d:blank-lines or self::d:definitions)]"/>
            <xsl:with-param name="style" select="substring($style, 1, string-length($style) * $is-first)"/>
            <xsl:with-param name="number" select="substring($number, 1, string-length($number) * $is-first)"/>
            <xsl:with-param name="num-id" select="substring($num-id, 1, string-length($num-id) * $is-first)"/>
            <xsl:with-param name="ilvl" select="$ilvl"/>
            <xsl:with-param name="indent" select="$indent"/>
            <xsl:with-param name="bold" select="$bold"/>
            <xsl:with-param name="hints" select=".."/>
            <xsl:with-param name="jc" select="$jc"/>
          </xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="node()" mode="collect"/>

  <!-- A clause: Word numbers it when its number ends in digits. -->
  <xsl:template match="d:clause">
    <xsl:param name="indent" select="''"/>
    <xsl:variable name="id" select="generate-id()"/>
    <xsl:variable name="c" select="$clauses[@id = $id]"/>
    <xsl:choose>
      <xsl:when test="$c">
        <xsl:variable name="head" select="($c[@start = 'true'] | $c/preceding-sibling::c[@prefix = $c/@prefix and @suffix = $c/@suffix][@start = 'true'][1])[last()]"/>
        <xsl:variable name="run-index">
          <xsl:for-each select="$runs">
            <xsl:if test="@id = $head/@id"><xsl:value-of select="position()"/></xsl:if>
          </xsl:for-each>
        </xsl:variable>
        <xsl:call-template name="flow">
          <xsl:with-param name="style" select="'ListNumber'"/>
          <xsl:with-param name="num-id" select="100 + $run-index"/>
          <xsl:with-param name="indent" select="$indent"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="flow">
          <xsl:with-param name="number" select="normalize-space(@number)"/>
          <xsl:with-param name="indent" select="$indent"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="d:list">
    <xsl:param name="indent" select="''"/>
    <xsl:apply-templates select="d:item"/>
  </xsl:template>

  <xsl:template match="d:item">
    <xsl:variable name="depth" select="count(ancestor::d:list) - 1"/>
    <xsl:variable name="list" select=".."/>
    <xsl:choose>
      <xsl:when test="@label">
        <xsl:call-template name="flow">
          <xsl:with-param name="style" select="'ListParagraph'"/>
          <xsl:with-param name="number" select="normalize-space(@label)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="../@type = 'bulleted'">
        <xsl:call-template name="flow">
          <xsl:with-param name="style" select="'ListBullet'"/>
          <xsl:with-param name="num-id" select="1"/>
          <xsl:with-param name="ilvl" select="$depth mod 3"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="list-index">
          <xsl:for-each select="$numbered-lists">
            <xsl:if test="generate-id() = generate-id($list)"><xsl:value-of select="position()"/></xsl:if>
          </xsl:for-each>
        </xsl:variable>
        <xsl:call-template name="flow">
          <xsl:with-param name="style" select="'ListNumber'"/>
          <xsl:with-param name="num-id" select="10000 + $list-index"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="d:table">
    <xsl:param name="indent" select="''"/>
    <xsl:variable name="ncols">
      <xsl:choose>
        <xsl:when test="d:col"><xsl:value-of select="count(d:col)"/></xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="(d:head/d:row | d:body/d:row)[1]">
            <xsl:value-of select="count(d:th[not(@colspan)] | d:td[not(@colspan)]) + sum(d:th/@colspan | d:td/@colspan)"/>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="total" select="sum(d:col/@width)"/>
    <xsl:if test="d:caption">
      <w:p>
        <w:pPr><w:pStyle w:val="Caption"/></w:pPr>
        <xsl:apply-templates select="d:caption/node()" mode="inline"/>
      </w:p>
    </xsl:if>
    <w:tbl>
      <w:tblPr>
        <w:tblStyle w:val="TableGrid"/>
        <w:tblW w:w="5000" w:type="pct"/>
        <w:tblLayout w:type="fixed"/>
        <w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>
      </w:tblPr>
      <w:tblGrid>
        <xsl:choose>
          <xsl:when test="d:col and $total &gt; 0">
            <xsl:for-each select="d:col">
              <w:gridCol w:w="{round($text-width * @width div $total)}"/>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="grid-cols"><xsl:with-param name="n" select="$ncols"/><xsl:with-param name="w" select="floor($text-width div $ncols)"/></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </w:tblGrid>
      <xsl:apply-templates select="d:head/d:row">
        <xsl:with-param name="header" select="true()"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="d:body/d:row"/>
    </w:tbl>
    <xsl:for-each select="d:note">
      <xsl:call-template name="para"/>
    </xsl:for-each>
    <!-- Word joins two tables that touch: a paragraph between -->
    <xsl:if test="not(d:note)">
      <w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="grid-cols">
    <xsl:param name="n"/>
    <xsl:param name="w"/>
    <xsl:if test="$n &gt; 0">
      <w:gridCol w:w="{$w}"/>
      <xsl:call-template name="grid-cols"><xsl:with-param name="n" select="$n - 1"/><xsl:with-param name="w" select="$w"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="d:row">
    <xsl:param name="header" select="false()"/>
    <w:tr>
      <xsl:if test="$header or @keep = 'together'">
        <w:trPr>
          <xsl:if test="@keep = 'together'"><w:cantSplit/></xsl:if>
          <xsl:if test="$header"><w:tblHeader/></xsl:if>
        </w:trPr>
      </xsl:if>
      <!-- a first-column cell of a row above that spans down to this one -->
      <xsl:if test="preceding-sibling::d:row[*[1]/@rowspan &gt; position()]">
        <w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>
      </xsl:if>
      <xsl:apply-templates select="d:th | d:td">
        <xsl:with-param name="header" select="$header or @role = 'total'"/>
      </xsl:apply-templates>
    </w:tr>
  </xsl:template>

  <xsl:template match="d:th | d:td">
    <xsl:param name="header" select="false()"/>
    <w:tc>
      <w:tcPr>
        <xsl:if test="@colspan &gt; 1"><w:gridSpan w:val="{@colspan}"/></xsl:if>
        <xsl:if test="@rowspan &gt; 1 and not(preceding-sibling::*)"><w:vMerge w:val="restart"/></xsl:if>
      </w:tcPr>
      <xsl:call-template name="flow">
        <xsl:with-param name="bold" select="self::d:th or $header"/>
        <xsl:with-param name="jc" select="substring('left  centerright', 1 + 6 * (@align = 'center') + 12 * (@align = 'end'), 6 * boolean(@align))"/>
      </xsl:call-template>
    </w:tc>
  </xsl:template>

  <xsl:template match="d:definitions">
    <xsl:param name="indent" select="''"/>
    <xsl:for-each select="d:term">
      <xsl:call-template name="para"><xsl:with-param name="bold" select="true()"/><xsl:with-param name="hints" select="/.."/></xsl:call-template>
      <xsl:for-each select="following-sibling::d:definition[1]">
        <xsl:call-template name="flow"><xsl:with-param name="indent" select="709"/></xsl:call-template>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="d:fields">
    <xsl:param name="indent" select="''"/>
    <xsl:apply-templates select="d:field"/>
  </xsl:template>

  <!-- A field: its label in bold, then its value, in one paragraph when
       the value is inline. -->
  <xsl:template match="d:field">
    <xsl:variable name="v" select="d:value"/>
    <xsl:choose>
      <xsl:when test="not($v/d:p or $v/d:list or $v/d:table or $v/d:group or $v/d:blank-lines)">
        <w:p>
          <w:pPr><w:tabs><w:tab w:val="left" w:pos="3402"/></w:tabs><w:ind w:left="3402" w:hanging="3402"/></w:pPr>
          <xsl:apply-templates select="d:label/node()" mode="inline"><xsl:with-param name="bold" select="true()"/></xsl:apply-templates>
          <w:r><w:tab/></w:r>
          <xsl:apply-templates select="$v/node()" mode="inline"/>
        </w:p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="d:label">
          <xsl:call-template name="para"><xsl:with-param name="bold" select="true()"/><xsl:with-param name="hints" select="/.."/></xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="$v"><xsl:call-template name="flow"><xsl:with-param name="indent" select="3402"/></xsl:call-template></xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="d:questions">
    <xsl:param name="indent" select="''"/>
    <xsl:for-each select="d:question">
      <xsl:variable name="num" select="normalize-space(@number)"/>
      <xsl:for-each select="d:prompt">
        <xsl:call-template name="flow"><xsl:with-param name="number" select="$num"/><xsl:with-param name="bold" select="true()"/></xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="d:answer">
        <xsl:call-template name="flow"><xsl:with-param name="indent" select="709"/></xsl:call-template>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="d:choices">
    <xsl:param name="indent" select="''"/>
    <xsl:for-each select="d:choice">
      <w:p>
        <w:pPr><w:keepNext/><w:tabs><w:tab w:val="left" w:pos="567"/></w:tabs></w:pPr>
        <xsl:call-template name="text-run"><xsl:with-param name="text" select="'&#9744;'"/></xsl:call-template>
        <w:r><w:tab/></w:r>
        <xsl:apply-templates select="d:label/node()" mode="inline"><xsl:with-param name="bold" select="true()"/></xsl:apply-templates>
      </w:p>
      <xsl:for-each select="d:description">
        <xsl:call-template name="flow"><xsl:with-param name="indent" select="567"/></xsl:call-template>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="d:signature">
    <xsl:param name="indent" select="''"/>
    <w:p>
      <w:pPr><w:keepNext/><xsl:if test="@new-page = 'yes'"><w:pageBreakBefore/></xsl:if><w:spacing w:before="240"/></w:pPr>
      <xsl:if test="d:party/@label">
        <xsl:call-template name="text-run"><xsl:with-param name="text" select="concat(normalize-space(d:party/@label), ' ')"/></xsl:call-template>
      </xsl:if>
      <xsl:call-template name="text-run"><xsl:with-param name="text" select="normalize-space(d:party)"/><xsl:with-param name="bold" select="true()"/></xsl:call-template>
    </w:p>
    <xsl:apply-templates select="d:field"/>
  </xsl:template>

  <xsl:template match="d:box | d:group">
    <xsl:param name="indent" select="''"/>
    <xsl:if test="@id">
      <w:p><w:pPr><xsl:call-template name="hints"/><w:spacing w:after="0"/></w:pPr><xsl:call-template name="bookmark-start"/><xsl:call-template name="bookmark-end"/></w:p>
    </xsl:if>
    <xsl:apply-templates select="*">
      <xsl:with-param name="indent" select="$indent"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="d:contents">
    <xsl:if test="d:heading">
      <w:p>
        <w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr>
        <xsl:apply-templates select="d:heading/node()" mode="inline"/>
      </w:p>
    </xsl:if>
    <xsl:for-each select="d:entry">
      <w:p>
        <w:pPr>
          <w:spacing w:after="60"/>
          <w:ind w:left="{567 * (number(concat('0', @level)) - 1) * boolean(@level)}"/>
        </w:pPr>
        <w:hyperlink w:anchor="{@ref}">
          <xsl:if test="@number">
            <xsl:call-template name="text-run"><xsl:with-param name="text" select="concat(normalize-space(@number), ' ')"/><xsl:with-param name="style" select="'Hyperlink'"/></xsl:call-template>
          </xsl:if>
          <xsl:call-template name="text-run"><xsl:with-param name="text" select="normalize-space(.)"/><xsl:with-param name="style" select="'Hyperlink'"/></xsl:call-template>
        </w:hyperlink>
      </w:p>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="d:blank-lines">
    <xsl:param name="indent" select="''"/>
    <xsl:call-template name="blank-line"><xsl:with-param name="n" select="@lines"/><xsl:with-param name="indent" select="$indent"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="blank-line">
    <xsl:param name="n"/>
    <xsl:param name="indent"/>
    <xsl:if test="$n &gt; 0">
      <!-- a tab to the margin with an underscore leader: the line (borders
           of paragraphs that touch would merge into one) -->
      <w:p>
        <w:pPr>
          <w:tabs><w:tab w:val="right" w:leader="underscore" w:pos="{$text-width}"/></w:tabs>
          <w:spacing w:before="240" w:after="0"/>
          <xsl:if test="$indent != ''"><w:ind w:left="{$indent}"/></xsl:if>
        </w:pPr>
        <w:r><w:tab/></w:r>
      </w:p>
      <xsl:call-template name="blank-line"><xsl:with-param name="n" select="$n - 1"/><xsl:with-param name="indent" select="$indent"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- === inline ======================================================= -->

  <!-- A run of text with the run properties asked for. -->
  <xsl:template name="text-run">
    <xsl:param name="text"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:param name="italic" select="false()"/>
    <xsl:param name="style" select="''"/>
    <xsl:if test="$text != ''">
      <w:r>
        <xsl:if test="$bold or $italic or $style != ''">
          <w:rPr>
            <xsl:if test="$style != ''"><w:rStyle w:val="{$style}"/></xsl:if>
            <xsl:if test="$bold"><w:b/></xsl:if>
            <xsl:if test="$italic"><w:i/></xsl:if>
          </w:rPr>
        </xsl:if>
        <w:t xml:space="preserve"><xsl:value-of select="$text"/></w:t>
      </w:r>
    </xsl:if>
  </xsl:template>

  <!-- Text: white space collapsed as a reader of the model sees it; a
       space kept at either end where something comes before or after,
       in its element or after the inline elements it ends ("<strong>By 9
       January 2015: </strong>Application"). -->
  <xsl:template match="text()" mode="inline">
    <xsl:param name="bold" select="false()"/>
    <xsl:param name="italic" select="false()"/>
    <xsl:param name="style" select="''"/>
    <xsl:variable name="n" select="normalize-space(.)"/>
    <xsl:variable name="inlines" select="ancestor::*[self::d:em or self::d:strong or self::d:cite or self::d:dfn or self::d:span or self::d:run-in or self::d:link]"/>
    <xsl:variable name="lead" select="$n != '' and normalize-space(substring(., 1, 1)) = '' and (preceding-sibling::node() or $inlines[preceding-sibling::node()])"/>
    <xsl:variable name="trail" select="$n != '' and normalize-space(substring(., string-length(.))) = '' and (following-sibling::node() or $inlines[following-sibling::node()])"/>
    <xsl:variable name="text">
      <xsl:choose>
        <xsl:when test="$n = '' and preceding-sibling::node() and following-sibling::node() and string-length(.) &gt; 0"><xsl:text> </xsl:text></xsl:when>
        <xsl:otherwise>
          <xsl:if test="$lead"><xsl:text> </xsl:text></xsl:if>
          <xsl:value-of select="$n"/>
          <xsl:if test="$trail"><xsl:text> </xsl:text></xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="text-run">
      <xsl:with-param name="text" select="string($text)"/>
      <xsl:with-param name="bold" select="$bold"/>
      <xsl:with-param name="italic" select="$italic"/>
      <xsl:with-param name="style" select="$style"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="d:em | d:cite | d:dfn" mode="inline">
    <xsl:param name="bold" select="false()"/>
    <xsl:apply-templates mode="inline"><xsl:with-param name="bold" select="$bold"/><xsl:with-param name="italic" select="true()"/></xsl:apply-templates>
  </xsl:template>

  <xsl:template match="d:strong | d:run-in" mode="inline">
    <xsl:param name="italic" select="false()"/>
    <xsl:apply-templates mode="inline"><xsl:with-param name="bold" select="true()"/><xsl:with-param name="italic" select="$italic"/></xsl:apply-templates>
  </xsl:template>

  <xsl:template match="d:span" mode="inline">
    <xsl:param name="bold" select="false()"/>
    <xsl:param name="italic" select="false()"/>
    <xsl:apply-templates mode="inline"><xsl:with-param name="bold" select="$bold"/><xsl:with-param name="italic" select="$italic"/></xsl:apply-templates>
  </xsl:template>

  <xsl:template match="d:br" mode="inline"><w:r><w:br/></w:r></xsl:template>

  <xsl:template match="d:link" mode="inline">
    <w:hyperlink r:id="{concat('L', generate-id())}">
      <xsl:apply-templates mode="inline"><xsl:with-param name="style" select="'Hyperlink'"/></xsl:apply-templates>
    </w:hyperlink>
  </xsl:template>

  <!-- A blank: a highlighted, underlined gap as wide as asked for. -->
  <xsl:template match="d:blank" mode="inline">
    <xsl:variable name="chars">
      <xsl:choose>
        <xsl:when test="@width = 'short'">12</xsl:when>
        <xsl:when test="@width = 'medium'">24</xsl:when>
        <xsl:when test="@width = 'line'">40</xsl:when>
        <xsl:when test="number(@width) = number(@width)"><xsl:value-of select="@width"/></xsl:when>
        <xsl:otherwise>12</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <w:r>
      <w:rPr><w:highlight w:val="yellow"/><w:u w:val="single"/></w:rPr>
      <w:t xml:space="preserve"><xsl:value-of select="substring('&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;', 1, $chars)"/></w:t>
    </w:r>
  </xsl:template>

  <!-- Blocks inside inline content are not in the model: an element the
       output does not know stops it. -->
  <xsl:template match="d:*" mode="inline" priority="-1">
    <xsl:message terminate="yes">docx.xsl: the document model's &lt;<xsl:value-of select="local-name()"/>&gt; is not handled inline by this output</xsl:message>
  </xsl:template>

  <xsl:template match="d:*" priority="-1">
    <xsl:message terminate="yes">docx.xsl: the document model's &lt;<xsl:value-of select="local-name()"/>&gt; is not handled by this output</xsl:message>
  </xsl:template>
  <!-- === the mandate summary and the ballot paper (issue 20, H2) ===== -->

  <!-- The mandate summary's returns, one by one: the PDF sets them small
       (output/fo.xsl, returns-font-size); here, at the body's size, a
       column as narrow as its share would break a word of its own
       between letters ("Acknowledge/d").  So each column is at least as
       wide as its longest word (about 140 twentieths of a point a
       character of 11 pt bold, and the cell's margins), and the columns
       that need no more share the rest in the model's proportions.  The
       table is then written as any other. -->
  <xsl:template match="d:table[@role = 'returns']" xmlns:str="http://exslt.org/strings">
    <xsl:param name="indent" select="''"/>
    <xsl:variable name="t" select="."/>
    <xsl:variable name="total" select="sum(d:col/@width)"/>
    <xsl:variable name="cols-rtf">
      <xsl:for-each select="d:col">
        <xsl:variable name="i" select="position()"/>
        <xsl:variable name="lengths-rtf">
          <xsl:for-each select="$t/d:head/d:row/*[$i] | $t/d:body/d:row/*[$i]">
            <xsl:for-each select="str:tokenize(normalize-space(.), ' ')"><n><xsl:value-of select="string-length(.)"/></n></xsl:for-each>
          </xsl:for-each>
        </xsl:variable>
        <xsl:variable name="longest">
          <xsl:for-each select="exsl:node-set($lengths-rtf)/n">
            <xsl:sort select="." data-type="number" order="descending"/>
            <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
          </xsl:for-each>
        </xsl:variable>
        <c share="{@width div $total * $text-width}" least="{number(concat('0', $longest)) * 140 + 216}"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="cols" select="exsl:node-set($cols-rtf)/c"/>
    <xsl:variable name="narrow" select="$cols[number(@least) &gt; number(@share)]"/>
    <xsl:variable name="rest" select="$text-width - sum($narrow/@least)"/>
    <xsl:variable name="others" select="sum($cols[not(number(@least) &gt; number(@share))]/@share)"/>
    <xsl:variable name="copy-rtf">
      <d:table>
        <xsl:for-each select="$cols">
          <xsl:choose>
            <xsl:when test="number(@least) &gt; number(@share)"><d:col width="{round(@least)}"/></xsl:when>
            <xsl:otherwise><d:col width="{round(@share * $rest div $others)}"/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:copy-of select="$t/d:head | $t/d:body"/>
      </d:table>
    </xsl:variable>
    <xsl:apply-templates select="exsl:node-set($copy-rtf)/d:table">
      <xsl:with-param name="indent" select="$indent"/>
    </xsl:apply-templates>
  </xsl:template>
  <!-- A ballot paper's fields (Signed, On behalf of, Date, Return by):
       the label in bold, a space, and the value, or dots to the margin
       (a right tab with a dot leader) to write on, as on the LMC's
       form.  Not field's label column: "Return this form to … by:" is
       longer than it. -->
  <xsl:template match="d:fields[@role = 'ballot-return']/d:field">
    <xsl:variable name="to-write" select="d:value/d:blank and normalize-space(d:value) = ''"/>
    <w:p>
      <w:pPr>
        <xsl:if test="$to-write"><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{$text-width}"/></w:tabs></xsl:if>
        <w:spacing w:before="120" w:after="120"/>
      </w:pPr>
      <xsl:apply-templates select="d:label/node()" mode="inline"><xsl:with-param name="bold" select="true()"/></xsl:apply-templates>
      <xsl:call-template name="text-run"><xsl:with-param name="text" select="' '"/></xsl:call-template>
      <xsl:choose>
        <xsl:when test="$to-write"><w:r><w:tab/></w:r></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="d:value/node()" mode="inline"/></xsl:otherwise>
      </xsl:choose>
    </w:p>
  </xsl:template>
</xsl:stylesheet>
